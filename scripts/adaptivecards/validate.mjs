// On-demand check, not part of `mvn verify`: parses every card that CardSchemaTest wrote to
// adapters/teams/target/adaptivecards/ with Microsoft's own Adaptive Cards library (the renderer's
// object model), and fails on what it reports: an unknown element or action, an invalid value, a
// validation error, or a property it drops when the card is read and written back (unknown to it, or
// of the wrong type).
//
//   mvn -B -q -ntp -o -pl adapters/teams -am test -Dtest=CardSchemaTest -Dsurefire.failIfNoSpecifiedTests=false
//   cd scripts/adaptivecards && npm install --no-package-lock && node validate.mjs [folder]
import { createRequire } from "node:module";
import { readdirSync, readFileSync } from "node:fs";
import { join, dirname } from "node:path";
import { fileURLToPath } from "node:url";

// The package's lib/ is ES modules without file extensions, which Node cannot load; dist/ is the UMD build.
const AC = createRequire(import.meta.url)("adaptivecards/dist/adaptivecards.js");

const here = dirname(fileURLToPath(import.meta.url));
const folder = process.argv[2] ?? join(here, "..", "..", "adapters", "teams", "target", "adaptivecards");
let files;
try {
  files = readdirSync(folder).filter((f) => f.endsWith(".json")).sort();
} catch {
  console.error(`No cards in ${folder}: run CardSchemaTest first.`);
  process.exit(2);
}
if (files.length === 0) {
  console.error(`No cards in ${folder}: run CardSchemaTest first.`);
  process.exit(2);
}

/** Paths of the input that the library's written-back card lacks, or holds another value at. */
function dropped(input, output, path, out) {
  if (Array.isArray(input)) {
    input.forEach((v, i) => dropped(v, Array.isArray(output) ? output[i] : undefined, `${path}/${i}`, out));
  } else if (input !== null && typeof input === "object") {
    for (const [k, v] of Object.entries(input)) {
      const o = output !== null && typeof output === "object" ? output[k] : undefined;
      if (o === undefined) {
        out.push(`${path}/${k}: dropped (${JSON.stringify(v).slice(0, 60)})`);
      } else {
        dropped(v, o, `${path}/${k}`, out);
      }
    }
  } else if (typeof input === "string" && typeof output === "string" && input.toLowerCase() === output.toLowerCase()) {
    // Enum values are written back in the library's own case ("Bolder" as "bolder"): the same value.
  } else if (input !== output) {
    out.push(`${path}: ${JSON.stringify(input).slice(0, 60)} read as ${JSON.stringify(output).slice(0, 60)}`);
  }
}

let failed = 0;
for (const file of files) {
  const json = JSON.parse(readFileSync(join(folder, file), "utf8"));
  const card = new AC.AdaptiveCard();
  const context = new AC.SerializationContext();
  card.parse(json, context);
  const problems = [];
  for (let i = 0; i < context.eventCount; i++) {
    problems.push(`parse: ${context.getEventAt(i).message}`);
  }
  for (const event of card.validateProperties().validationEvents) {
    problems.push(`validate: ${event.message}`);
  }
  dropped(json, card.toJSON(), "", problems);
  if (problems.length > 0) {
    failed++;
    console.log(`FAIL ${file}\n  ${problems.join("\n  ")}`);
  } else {
    console.log(`ok   ${file}`);
  }
}
console.log(`${files.length - failed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
