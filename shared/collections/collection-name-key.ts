import unhomoglyph from "unhomoglyph";
import { cleanCollectionName } from "./collection-name.js";

/** UTS #39 skeleton: each character as the prototype of its class in Unicode's confusables.txt. */
const skeleton = (text: string) => unhomoglyph(text.normalize("NFD")).normalize("NFD");

/**
 * What collection names are unique on: how the name reads, in two keys, each unique on its own.
 * Both start from the cleaned name (nothing invisible, NFKC: "ｐｏｌｉｃｙ" is "policy").
 * - `folded`: the skeleton of the lower-cased name, so case does not make a new name and
 *   lower-case look-alikes meet ("POLICIES", "pоlicies" with a Cyrillic о: "policies").
 * - `visual`: the skeleton as written, for capitals whose lower-case forms differ although they
 *   look the same (Cyrillic "Вudget" and "Budget"; lower-cased, "в" is not "b").
 * One key cannot do both: case folding makes "I" meet "i", the skeleton makes "I" meet "l".
 * Skeletons are not meant to be shown; "m" becomes "rn". They only compare.
 */
export function collectionNameKeys(name: string): { folded: string; visual: string } {
  const cleaned = cleanCollectionName(name);
  return { folded: skeleton(cleaned.toLowerCase().normalize("NFKC")), visual: skeleton(cleaned) };
}
