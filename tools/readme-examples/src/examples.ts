import MarkdownIt, { type Token } from 'markdown-it';

/** A fenced TypeScript or JavaScript block of a README. */
export interface ReadmeExample {
  language: 'ts' | 'js';
  /** The README line (1-based) of the block's first line of code, just below the opening fence. */
  line: number;
  code: string;
  /** Why the block is left out of type-checking, from a `<!-- not type-checked: why -->` line right above its fence. */
  notTypeChecked?: string;
}

const languages = new Map<string, ReadmeExample['language']>([
  ['ts', 'ts'],
  ['typescript', 'ts'],
  ['js', 'js'],
  ['javascript', 'js'],
]);

const marker = /^<!--\s*not type-checked\b(?<rest>.*?)-->$/s;
const reason = /^:\s*(?<why>\S.*?)\s*$/s;

/**
 * Every ```ts, ```typescript, ```js and ```javascript block of `markdown`, in README order.
 *
 * @throws {Error} naming the README line of a `not type-checked` marker that gives no reason or is
 *   not on the line right above one of those blocks' fence.
 */
export function readmeExamples(markdown: string): ReadmeExample[] {
  const tokens = new MarkdownIt({ html: true }).parse(markdown, {});
  const examples: ReadmeExample[] = [];
  let reasonAbove: string | undefined;
  for (const [index, token] of tokens.entries()) {
    const language = languages.get(fenceLanguage(token));
    if (language && token.map) {
      examples.push({
        language,
        line: token.map[0] + 2,
        code: token.content,
        ...(reasonAbove !== undefined && { notTypeChecked: reasonAbove }),
      });
    }
    reasonAbove = optOutReason(token, tokens[index + 1]);
  }
  return examples;
}

/** The reason a `not type-checked` marker gives for the fence below it, or undefined if `token` is no such marker. */
function optOutReason(token: Token, next: Token | undefined): string | undefined {
  const rest = token.type === 'html_block' ? marker.exec(token.content.trim())?.groups?.['rest'] : undefined;
  if (rest === undefined) return undefined;
  const line = (token.map?.[0] ?? 0) + 1;
  if (!next || !languages.has(fenceLanguage(next)) || next.map?.[0] !== token.map?.[1]) {
    throw new Error(`README line ${line}: a "not type-checked" marker must be on the line right above a ts or js code fence.`);
  }
  const why = reason.exec(rest)?.groups?.['why'];
  if (why === undefined)
    throw new Error(`README line ${line}: say why the block is not type-checked, as <!-- not type-checked: the reason -->.`);
  return why;
}

function fenceLanguage(token: Token): string {
  return token.type === 'fence' ? (token.info.trim().split(/\s+/)[0] ?? '').toLowerCase() : '';
}
