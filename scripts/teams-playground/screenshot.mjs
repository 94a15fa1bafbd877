// Takes docs/screenshots/teams-playground.png: asks the bot a question in the playground's personal
// chat, waits for the Adaptive Card answer, clicks 👍 and photographs the page. Not part of the build.
//
//   scripts/teams-playground/run.sh &                        # bot + playground (PLAYGROUND_PORT, default 56150)
//   cd scripts/teams-playground && npm ci                    # also installs playwright-core (no browser download)
//   node screenshot.mjs [playground URL] [output PNG]
//
// Uses the machine's Chromium (CHROMIUM, default /usr/bin/chromium; Debian: apt-get install chromium
// fonts-noto-color-emoji, the latter for the 👍/👎 buttons), headless, with a fresh profile.
import { chromium } from 'playwright-core';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const url = process.argv[2] ?? `http://127.0.0.1:${process.env.PLAYGROUND_PORT ?? 56150}/`;
const output = path.resolve(process.argv[3] ?? path.join(here, '..', '..', 'docs', 'screenshots', 'teams-playground.png'));
const question = 'Hva er en interpellasjon?';

const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'teams-playground-chromium-'));
const context = await chromium.launchPersistentContext(profile, {
  executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
  headless: true,
  viewport: { width: 1280, height: 720 },
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
    '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});
try {
  const page = context.pages()[0] ?? await context.newPage();
  page.setDefaultTimeout(30_000);
  await page.goto(url, { waitUntil: 'load' });

  // The playground "installs" the bot on every page load; the bot greets in the personal chat.
  await page.getByRole('treeitem', { name: 'Personal Chat' }).click();
  await page.getByText('Hei! Jeg svarer på spørsmål').first().waitFor();

  // The compose box is the only text box in the personal chat.
  await page.getByRole('textbox').first().click();
  await page.keyboard.type(question);
  await page.getByRole('button', { name: 'Send Message' }).click();

  // The answer is an Adaptive Card with the source ("Kilde:") and the feedback buttons.
  await page.getByText(question, { exact: true }).first().waitFor();
  await page.getByText('Kilde:').first().waitFor();
  const thumbsUp = page.getByRole('button', { name: '👍' }).last();
  await thumbsUp.waitFor();

  // Action.Execute: the playground sends an adaptiveCard/action invoke and shows the bot's answer.
  await thumbsUp.click();
  await page.getByText('Takk for tilbakemeldingen!').first().waitFor();

  fs.mkdirSync(path.dirname(output), { recursive: true });
  await page.screenshot({ path: output });
  console.log(`screenshot: ${output}`);
} finally {
  await context.close();
  fs.rmSync(profile, { recursive: true, force: true });
}
