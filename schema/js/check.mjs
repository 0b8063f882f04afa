// check.mjs checks digest JSON files against ../digest.schema.json with Ajv,
// the reference JavaScript validator for JSON Schema draft 2020-12.
//
// Usage, after `npm ci` in this directory (the schema is found next to this
// script, so any working directory will do; CI runs it from the module root):
//
//	node schema/js/check.mjs testdata/golden/*.json testdata/valid/*.json testdata/invalid/*.json
//
// It prints one line per file, tab-separated, FILE being the path as given:
//
//	FILE	valid
//	FILE	invalid	POINTER
//
// where POINTER is the JSON Pointer (Ajv's instancePath; "" for the root) that
// sorts first among the errors. A missing or extra key is reported at the
// object that holds it. The exit code is 0 whatever the verdicts, and 2 when
// the schema does not compile or a file cannot be read or parsed as JSON (the
// other files are still checked). `go test -run TestSchemaVerdicts . -args
// -ajv FILE` compares its output with the Go schema's verdicts.
import { readFileSync } from "node:fs";
import Ajv2020 from "ajv/dist/2020.js";
import addFormats from "ajv-formats";

const schemaURL = new URL("../digest.schema.json", import.meta.url);

const files = process.argv.slice(2);
if (files.length === 0) {
  console.error("usage: node check.mjs FILE.json...");
  process.exit(2);
}

let validate;
try {
  const ajv = new Ajv2020({ strict: true, allErrors: true });
  addFormats(ajv);
  validate = ajv.compile(JSON.parse(readFileSync(schemaURL, "utf8")));
} catch (err) {
  console.error(`${schemaURL.pathname}: ${err.message}`);
  process.exit(2);
}

let status = 0;
for (const file of files) {
  let data;
  try {
    data = JSON.parse(readFileSync(file, "utf8"));
  } catch (err) {
    console.error(`${file}: ${err.message}`);
    status = 2;
    continue;
  }
  if (validate(data)) {
    console.log(`${file}\tvalid`);
  } else {
    const pointers = validate.errors.map((e) => e.instancePath).sort();
    console.log(`${file}\tinvalid\t${pointers[0]}`);
  }
}
process.exit(status);
