// Takes docs/screenshots/teams-playground-prompt.png: in the team channel of a playground started with
// `run.sh --demo`, waits for a posted reflection prompt, writes an answer in the card's field, presses
// «Send svar» and photographs the member's own view of the card. Not part of the build.
//
//   scripts/teams-playground/run.sh --demo &
//   cd scripts/teams-playground && npm ci && node screenshot-prompt.mjs [playground URL] [output PNG]
//
// Open the channel early: the demo's first prompt comes some minutes after the start.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { save, withPlayground } from './browser.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const output = path.resolve(process.argv[3] ?? path.join(here, '..', '..', 'docs', 'screenshots', 'teams-playground-prompt.png'));
const answer = 'Mer åpenhet om budsjettet';

await withPlayground({ width: 1280, height: 900 }, async (page) => {
  await page.getByRole('treeitem', { name: /General/ }).click();

  // The prompt card: its heading, then the answer field and «Send svar».
  await page.getByText(/Refleksjonsoppgave \d+:/).first().waitFor({ timeout: 15 * 60_000 });
  const send = page.getByRole('button', { name: 'Send svar' }).last();
  await send.waitFor();
  const field = page.getByRole('textbox', { name: /Ditt svar/ }).last();
  await field.click();
  await page.keyboard.type(answer);
  await send.click();

  // The invoke's answer: the member's own view, the confirmation without the answer's text.
  await page.getByText(/er lagret\./).first().waitFor();
  await save(page, output);
});
