// Types for the parts of w3c's webvtt-parser (https://github.com/w3c/webvtt.js) that lib/ingest uses. The package is
// CommonJS assigning to `exports` inside a function, which Node cannot see as named exports: import its default.
declare module "webvtt-parser" {
  export interface WebVttTextNode {
    type: "text";
    value: string;
  }

  export interface WebVttTimestampNode {
    type: "timestamp";
    /** Seconds. */
    value: number;
  }

  export interface WebVttObjectNode {
    type: "object";
    /** "c", "i", "b", "u", "ruby", "rt", "v" or "lang". */
    name: string;
    classes: string[];
    /** The annotation: the speaker of a `<v>` span, the language of a `<lang>` span. */
    value?: string;
    children: WebVttNode[];
  }

  export type WebVttNode = WebVttTextNode | WebVttTimestampNode | WebVttObjectNode;

  export interface WebVttCue {
    id: string;
    /** Seconds. */
    startTime: number;
    /** Seconds. */
    endTime: number;
    /** The cue text as written, markup included. */
    text: string;
    tree: { children: WebVttNode[] };
  }

  export interface WebVttError {
    message: string;
    /** 1-based line in the parsed input. */
    line: number;
    col?: number;
  }

  export interface WebVttParseResult {
    cues: WebVttCue[];
    errors: WebVttError[];
    styles: string[];
  }

  export class WebVTTParser {
    /** `entities` maps "&name;" (and "&name") to the character it stands for. */
    constructor(entities?: Record<string, string>);
    parse(input: string, mode?: "subtitles" | "chapters" | "metadata"): WebVttParseResult;
  }

  const webvtt: { WebVTTParser: typeof WebVTTParser };
  export default webvtt;
}
