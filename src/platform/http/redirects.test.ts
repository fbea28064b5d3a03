import { describe, expect, it } from 'vitest';
import { safeRedirectPath } from './redirects.ts';

describe('safeRedirectPath', () => {
  it.each([
    ['/', '/'],
    ['/parent', '/parent'],
    ['/take-over?token=abc', '/take-over?token=abc'],
    [
      '/parent/requests/new?preference=0b6c0c1e-6d0e-4c57-9a57-0e4f3c1f9a10',
      '/parent/requests/new?preference=0b6c0c1e-6d0e-4c57-9a57-0e4f3c1f9a10',
    ],
    ['/search?q=caf%C3%A9&page=2', '/search?q=caf%C3%A9&page=2'],
    ['/search?q=100%25', '/search?q=100%25'],
    ['/search?q=a%20b', '/search?q=a%20b'],
    ['/info#contact', '/info#contact'],
    ['/a/./b/../c', '/a/c'],
    ['/a//b', '/a//b'],
    // A full-width solidus is just a character of a path here, percent-encoded by the URL parser.
    ['/\uff0f\uff0fevil.example', '/%EF%BC%8F%EF%BC%8Fevil.example'],
  ])('keeps the same-site path %j as %j', (raw, expected) => {
    expect(safeRedirectPath(raw)).toBe(expected);
  });

  it.each([
    // Not a string, or not a path
    undefined,
    123,
    ['/parent', '/account'],
    '',
    'parent',
    ' /parent',
    'evil.example',
    'https://evil.example/',
    'HTTPS://evil.example/',
    'http:/evil.example',
    'javascript:alert(1)',
    'data:text/html,<script>alert(1)</script>',
    'mailto:someone@evil.example',
    // Another host, written in the ways browsers accept
    '//evil.example',
    '///evil.example',
    '/\\evil.example',
    '\\\\evil.example',
    '/\\/evil.example',
    '/a\\b',
    // Control characters: browsers drop tabs and line breaks, '/\t/host' becomes '//host'
    '/\t/evil.example',
    '\t//evil.example',
    '/\r\n/evil.example',
    '/\n/evil.example',
    '/\r/evil.example',
    '/parent\u0000',
    '/parent\u007f',
    '/parent\u001b[31m',
    '/\u2028/evil.example',
    // The same, percent-encoded (once, twice, three times)
    '/%09/evil.example',
    '/%0d%0aSet-Cookie:%20a=b',
    '/%0A/evil.example',
    '/%00',
    '/%2F%2Fevil.example',
    '/%2f/evil.example',
    '%2F%2Fevil.example',
    '/%5Cevil.example',
    '/%5c%5cevil.example',
    '/%252F%252Fevil.example',
    '/%2509/evil.example',
    '/%25252F%25252Fevil.example',
    '/%2525252525252Fparent',
    // Not UTF-8, but byte by byte a backslash
    '/%C0%5Cevil.example',
    // Dot segments that collapse into '//host'
    '/.//evil.example',
    '/a/../..//evil.example',
    '/%2e%2e//evil.example',
    // Absurdly long
    `/${'a'.repeat(3000)}`,
  ])('refuses %j', (raw) => {
    expect(safeRedirectPath(raw)).toBeUndefined();
  });
});
