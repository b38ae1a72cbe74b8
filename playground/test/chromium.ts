import { existsSync } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';

// Debian's chromium package; its /usr/bin wrapper prints a harmless shell
// error, so the binary itself is preferred. No test tool downloads a browser.
const candidates = ['/usr/lib/chromium/chromium', '/usr/bin/chromium'];
export const chromiumPath = candidates.find((path) => existsSync(path));

export function launchChromium(): Promise<Browser> {
  if (!chromiumPath) throw new Error('Chromium is not installed: apt-get install -y chromium');
  return chromium.launch({
    executablePath: chromiumPath,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--no-first-run'],
  });
}
