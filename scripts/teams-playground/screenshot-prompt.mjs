// Takes docs/screenshots/teams-playground-prompt.png: in the team channel of a playground started with
// `run.sh --demo`, waits for a posted reflection prompt, writes an answer in the card's field, presses
// «Send svar» and photographs the member's own view of the card. Not part of the build.
//
//   scripts/teams-playground/run.sh --demo &
//   cd scripts/teams-playground && npm ci && node screenshot-prompt.mjs [playground URL] [output PNG]
//
// Open the channel early: the demo's first prompt comes some minutes after the start.
import { chromium } from 'playwright-core';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const url = process.argv[2] ?? `http://127.0.0.1:${process.env.PLAYGROUND_PORT ?? 56150}/`;
const output = path.resolve(process.argv[3] ?? path.join(here, '..', '..', 'docs', 'screenshots', 'teams-playground-prompt.png'));
const answer = 'Mer åpenhet om budsjettet';

const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'teams-playground-chromium-'));
const context = await chromium.launchPersistentContext(profile, {
  executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
  headless: true,
  viewport: { width: 1280, height: 900 },
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
    '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});
try {
  const page = context.pages()[0] ?? await context.newPage();
  page.setDefaultTimeout(30_000);
  await page.goto(url, { waitUntil: 'load' });
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
  fs.mkdirSync(path.dirname(output), { recursive: true });
  await page.screenshot({ path: output });
  console.log(`screenshot: ${output}`);
} finally {
  await context.close();
  fs.rmSync(profile, { recursive: true, force: true });
}
