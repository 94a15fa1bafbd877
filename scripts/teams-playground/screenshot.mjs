// Takes docs/screenshots/teams-playground.png: asks the bot a question in the playground's personal
// chat, waits for the Adaptive Card answer, clicks 👍 and photographs the page. Not part of the build.
//
//   scripts/teams-playground/run.sh &                        # bot + playground (PLAYGROUND_PORT, default 56150)
//   cd scripts/teams-playground && npm ci                    # also installs playwright-core (no browser download)
//   node screenshot.mjs [playground URL] [output PNG]
//
// Uses the machine's Chromium (CHROMIUM, default /usr/bin/chromium; Debian: apt-get install chromium
// fonts-noto-color-emoji, the latter for the 👍/👎 buttons), headless, with a fresh profile.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { save, withPlayground } from './browser.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const output = path.resolve(process.argv[3] ?? path.join(here, '..', '..', 'docs', 'screenshots', 'teams-playground.png'));
const question = 'Hva er en interpellasjon?';

await withPlayground({ width: 1280, height: 720 }, async (page) => {
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
  await save(page, output);
});
