// Long subtitle files for the pool, end-to-end and benchmark runs: 100,000 cues is about 10 MB and several seconds
// of parsing, the shape of the file that once stalled every request for 32 s.

function timestamp(milliseconds: number): string {
  return new Date(milliseconds).toISOString().slice(11, 23).replace(".", ",");
}

/** A SubRip file of `cues` two-second cues, seven speakers taking turns. */
export function buildLongSrt(cues: number): string {
  const blocks: string[] = [];
  for (let index = 0; index < cues; index++) {
    const start = index * 2000;
    blocks.push(
      `${index + 1}\n${timestamp(start)} --> ${timestamp(start + 1900)}\n` +
        `SPEAKER ${index % 7}: This is cue number ${index} of the long hearing today.\n`,
    );
  }
  return blocks.join("\n");
}
