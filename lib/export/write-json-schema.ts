// `npx tsx lib/export/write-json-schema.ts && npx prettier --write lib/export/transcript-export.schema.json`
// rewrites the JSON Schema document from the zod schema; the tests fail while the two differ.
import fs from "node:fs";
import path from "node:path";
import { transcriptExportJsonSchema } from "./json-schema";

export const JSON_SCHEMA_PATH = path.join(process.cwd(), "lib", "export", "transcript-export.schema.json");

export function jsonSchemaText(): string {
  return `${JSON.stringify(transcriptExportJsonSchema(), null, 2)}\n`;
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(__filename)) {
  fs.writeFileSync(JSON_SCHEMA_PATH, jsonSchemaText());
  console.log(`Wrote ${path.relative(process.cwd(), JSON_SCHEMA_PATH)}`);
}
