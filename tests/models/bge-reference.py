"""bge-small-en-v1.5 embedded by an implementation that shares no code with Docstack's: the Rust
`tokenizers` (truncation by the library itself, at 512), onnxruntime's Python API on the same
int8 model.onnx, [CLS] pooling and L2 normalisation in numpy, the query instruction prepended
to queries only, as BAAI's model card describes retrieval with this model. Writes the cases
and their vectors as JSON; tests/models/bge-embedder.test.ts compares OnnxEmbedder with them.

    bash tests/models/make-bge-reference.sh [model-dir]
"""

import json
import sys

import numpy as np
import onnxruntime
import tokenizers

MAX_TOKENS = 512
INSTRUCTION = "Represent this sentence for searching relevant passages: "

ABSTRACT = (
    "Protein folding is the physical process by which a polypeptide chain acquires its native "
    "three-dimensional structure, a conformation that is usually biologically functional, in an "
    "expeditious and reproducible manner. We present a coarse-grained molecular dynamics study of "
    "twelve small globular proteins, combining replica-exchange sampling with a knowledge-based "
    "potential fitted to crystallographic contact statistics. Folding free-energy landscapes "
    "computed for each protein reproduce experimental melting temperatures within four kelvin on "
    "average, and the predicted transition states agree with phi-value analyses for nine of the "
    "twelve proteins. Mutations that destabilise the native state by more than two kilocalories "
    "per mole shift the transition state towards the unfolded basin, consistent with the Hammond "
    "postulate. We further show that long-range contacts formed late in folding explain the "
    "anomalously slow kinetics of two beta-sheet proteins. These results suggest that "
    "coarse-grained models, when carefully parameterised, capture the essential physics of "
    "folding at a fraction of the computational cost of all-atom simulations, and they offer a "
    "practical route to screening designed sequences before synthesis."
)
MARKETS = (
    "Shares in European carmakers slid on Tuesday after the commission proposed new tariffs on "
    "imported batteries, dragging the wider stock market lower. Analysts said investors feared "
    "higher costs would squeeze margins just as demand for electric vehicles cools, and bond "
    "yields rose as traders priced in fewer rate cuts. The currency weakened against the dollar, "
    "while oil prices edged up on supply worries in the Middle East."
)
FOOTBALL = (
    "The cup final was postponed after heavy rain flooded the pitch overnight, and the "
    "groundsmen could not drain it in time. Supporters who had travelled from the north were "
    "offered refunds or tickets for the rearranged match next month. The home side's manager "
    "said the delay would give two injured midfielders time to recover, while the visitors "
    "complained that their fixture list was already crowded with league games and a European "
    "tie. "
)

# (purpose, text): queries are short questions, documents passages; the last is over 512 tokens.
CASES = [
    ("document", "The cat sat on the mat."),
    ("document", "A feline rested on a rug."),
    ("document", "Stock markets fell sharply."),
    ("document", "Café Müller's naïve résumé — 42% said ¿qué? (see §3.2, «ok»)."),
    ("document", ""),
    ("document", ABSTRACT),
    ("query", "how do proteins fold into their native structure"),
    ("query", "a kitten dozing on a rug"),
    ("query", "Stock markets fell sharply."),
    ("document", " ".join([ABSTRACT, MARKETS, MARKETS, FOOTBALL * 3])),
]


def main() -> None:
    model_dir = sys.argv[1] if len(sys.argv) > 1 else ".models/bge-small-en-v1.5"
    tokenizer = tokenizers.Tokenizer.from_file(f"{model_dir}/tokenizer.json")
    tokenizer.enable_truncation(max_length=MAX_TOKENS)
    session = onnxruntime.InferenceSession(
        f"{model_dir}/model.onnx", providers=["CPUExecutionProvider"]
    )

    def embed(text: str) -> tuple[list[int], np.ndarray]:
        ids = tokenizer.encode(text).ids
        feed = {
            "input_ids": np.array([ids], dtype=np.int64),
            "attention_mask": np.ones((1, len(ids)), dtype=np.int64),
            "token_type_ids": np.zeros((1, len(ids)), dtype=np.int64),
        }
        hidden = session.run(["last_hidden_state"], feed)[0]
        cls = hidden[0, 0].astype(np.float64)
        return ids, cls / np.linalg.norm(cls)

    cases = []
    for purpose, text in CASES:
        ids, vector = embed(INSTRUCTION + text if purpose == "query" else text)
        cases.append(
            {
                "purpose": purpose,
                "text": text,
                "tokens": len(ids),
                "ids": ids,
                "vector": [round(float(x), 6) for x in vector],
            }
        )
    json.dump(
        {
            "about": (
                "bge-small-en-v1.5 int8 (the Maven jar's model.onnx) embedded by onnxruntime "
                f"{onnxruntime.__version__} (Python) with tokenizers {tokenizers.__version__} "
                f"truncating at {MAX_TOKENS}, [CLS] pooling, L2; queries with the instruction "
                f"'{INSTRUCTION}' first. Made by tests/models/make-bge-reference.sh."
            ),
            "cases": cases,
        },
        sys.stdout,
        ensure_ascii=False,
        indent=1,
    )
    sys.stdout.write("\n")


if __name__ == "__main__":
    main()
