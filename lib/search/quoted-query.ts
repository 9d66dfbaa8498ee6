import { describeQuery, type ParsedQuery } from "./query";

/**
 * The query as a heading quotes it, in curly quotes: “sea of azov” for a phrase alone (never “‘sea of azov’”), and a
 * phrase among other words in single quotes inside the double ones: “‘sea of azov’ sanctions”. Empty when there
 * are no words.
 */
export function quoteQuery(query: ParsedQuery): string {
  const words = describeQuery(query);
  if (!words) return "";
  const onlyPart = query.parts.length === 1 ? query.parts[0] : undefined;
  if (onlyPart && onlyPart.words.length > 1) return `“${onlyPart.words.join(" ")}”`;
  return `“${words.replace(/"([^"]*)"/g, "‘$1’")}”`;
}
