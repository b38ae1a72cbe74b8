import { parse } from 'bowser';
import type { DeviceJSON } from '@latch/protocol';

/** What the security page shows for a session: browser, OS and kind of device, from its user agent. */
export function parseDevice(userAgent: string | null): DeviceJSON {
  if (!userAgent) return { browserName: null, browserVersion: null, osName: null, deviceType: null };
  const { browser, os, platform } = parse(userAgent);
  const type = platform.type;
  return {
    browserName: browser.name ?? null,
    browserVersion: browser.version ?? null,
    osName: os.name ?? null,
    deviceType: type === 'desktop' || type === 'mobile' || type === 'tablet' ? type : null,
  };
}
