// The headless Chromium the screenshot scripts drive: the machine's own (CHROMIUM, default
// /usr/bin/chromium), with a fresh profile and no background networking, so nothing leaves the machine.
import { chromium } from 'playwright-core';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/** The playground's address: the first argument, else PLAYGROUND_PORT on 127.0.0.1. */
export function playgroundUrl() {
  return process.argv[2] ?? `http://127.0.0.1:${process.env.PLAYGROUND_PORT ?? 56150}/`;
}

/** Opens the playground in a new browser, runs steps(page), and closes the browser and its profile. */
export async function withPlayground(viewport, steps) {
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'teams-playground-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    headless: true,
    viewport,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  try {
    const page = context.pages()[0] ?? await context.newPage();
    page.setDefaultTimeout(30_000);
    await page.goto(playgroundUrl(), { waitUntil: 'load' });
    await steps(page);
  } finally {
    await context.close();
    fs.rmSync(profile, { recursive: true, force: true });
  }
}

/** Saves the page to output, making its folder. */
export async function save(page, output) {
  fs.mkdirSync(path.dirname(output), { recursive: true });
  await page.screenshot({ path: output });
  console.log(`screenshot: ${output}`);
}
