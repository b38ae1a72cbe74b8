import { describe, expect, it } from 'vitest';
import { isSafeRedirect, safeRedirect } from '@latch/protocol';

const options = { base: 'https://app.example.com/sign-in?redirect_url=x', allowedOrigins: ['https://admin.example.com'] };

describe('isSafeRedirect allows', () => {
  it.each(['/', '/dashboard', '/path?x=1#y', '/search?q=a%20b&next=%2Fhome', '/a/b/../c', '/users/%C3%A9', '/?redirect=https://evil.com'])(
    'the path %j, returned as given',
    (url) => {
      expect(isSafeRedirect(url, options)).toBe(url);
      // A path needs no configuration at all.
      expect(isSafeRedirect(url)).toBe(url);
    },
  );

  it.each([
    ['https://app.example.com/after', 'https://app.example.com/after'],
    ['https://admin.example.com/users?x=1#y', 'https://admin.example.com/users?x=1#y'],
    ['HTTPS://Admin.Example.COM/x', 'https://admin.example.com/x'],
    ['https://admin.example.com:443', 'https://admin.example.com/'],
  ])('the absolute URL %j on base’s origin or the allowlist, normalized', (url, expected) => {
    expect(isSafeRedirect(url, options)).toBe(expected);
  });

  it('allowlist entries written with a path or a trailing slash, and http for localhost', () => {
    expect(isSafeRedirect('https://admin.example.com/x', { allowedOrigins: ['https://admin.example.com/'] })).toBe('https://admin.example.com/x');
    expect(isSafeRedirect('http://localhost:5173/x', { base: new URL('http://localhost:5173') })).toBe('http://localhost:5173/x');
  });
});

describe('isSafeRedirect refuses (null)', () => {
  const refused = (urls: unknown[]) => {
    for (const url of urls) expect(isSafeRedirect(url, options), JSON.stringify(url)).toBeNull();
  };

  it('script and other non-http schemes', () => {
    refused([
      'javascript:alert(1)',
      'JaVaScRiPt:alert(1)',
      'javascript://%0aalert(1)',
      'javascript://app.example.com/%0aalert(1)',
      'data:text/html,<script>alert(1)</script>',
      'data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==',
      'vbscript:msgbox(1)',
      'file:///etc/passwd',
      'ftp://admin.example.com/',
      'blob:https://app.example.com/uuid',
    ]);
  });

  it('whitespace and control characters that browsers strip or ignore', () => {
    refused([
      ' javascript:alert(1)',
      'java\tscript:alert(1)',
      'java\nscript:alert(1)',
      'java\rscript:alert(1)',
      '\u0000javascript:alert(1)',
      'javascript\u0000:alert(1)',
      '\u0001javascript:alert(1)',
      '\u007fjavascript:alert(1)',
      ' /dashboard',
      '/dashboard ',
      '/\t/evil.com',
      '/\n/evil.com',
      '\u00a0//evil.com',
      '\ufeff//evil.com',
      '/\u2028/evil.com',
      '\u0085/evil.com',
    ]);
  });

  it('protocol-relative and backslash tricks that name another host', () => {
    refused(['//evil.com', '///evil.com', '////evil.com', '/\\evil.com', '\\\\evil.com', '\\/evil.com', '/\\/evil.com', '\\evil.com']);
  });

  it('scheme-relative spellings: https:host and friends', () => {
    refused(['https:evil.com', 'https:/evil.com', 'https:app.example.com', 'http:\\\\evil.com', 'https:/\\evil.com', 'https:\\\\app.example.com']);
  });

  it('hosts off the allowlist, however dressed', () => {
    refused([
      'https://evil.com',
      'https://app.example.com.evil.com/',
      'https://evil.com/https://app.example.com',
      'https://evil.com?https://app.example.com',
      'https://evil.com#https://app.example.com',
      'https://app.example.com:8443/',
      'http://app.example.com/',
      'https://example.com/',
    ]);
  });

  it('user@host tricks and any credentials', () => {
    refused([
      'https://app.example.com@evil.com',
      'https://app.example.com:443@evil.com/',
      'https://app.example.com%40evil.com',
      'https://evil.com\\@app.example.com',
      'https://user:password@app.example.com/',
      'https://user@admin.example.com/',
    ]);
  });

  it('percent-encoded variants', () => {
    refused([
      '/%2F%2Fevil.com',
      '/%2f/evil.com',
      '/%5Cevil.com',
      '/%5cevil.com',
      '/%09/evil.com',
      '/%0d%0aSet-Cookie:%20x=1',
      '/%00',
      '%2F%2Fevil.com',
      'javascript%3Aalert(1)',
      '%6Aavascript:alert(1)',
      'https%3A%2F%2Fevil.com',
      'https://app.example.com/%5C%5Cevil.com',
      '/%E0%A4%A',
    ]);
  });

  it('anything that is not a path from the root', () => {
    refused(['dashboard', 'evil.com', '?x=1', '#top', './x', '../x', '.', '／／evil.com', '']);
  });

  it('values that are not strings', () => {
    refused([null, undefined, 42, {}, ['/dashboard'], new URL('https://app.example.com/')]);
  });
});

describe('safeRedirect', () => {
  it('returns the URL when it is safe and the fallback when it is not', () => {
    expect(safeRedirect('/after', '/home', options)).toBe('/after');
    expect(safeRedirect('https://admin.example.com/x', '/home', options)).toBe('https://admin.example.com/x');
    expect(safeRedirect('//evil.com', '/home', options)).toBe('/home');
    expect(safeRedirect(null, '/home')).toBe('/home');
  });
});

it('throws on a configured origin that is not a URL: a setup mistake, not a bad redirect', () => {
  expect(() => isSafeRedirect('https://admin.example.com/', { allowedOrigins: ['admin.example.com'] })).toThrow(TypeError);
  expect(() => isSafeRedirect('/dashboard', { base: 'app.example.com' })).toThrow(TypeError);
});
