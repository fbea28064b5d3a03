import { describe, expect, it } from 'vitest';
import { loggablePath } from './index.ts';

describe('the path as the request log holds it', () => {
  it('keeps the paths of our own links', () => {
    for (const path of [
      '/',
      '/parent/requests/3f2b8c1e-4d5a-4b6c-9d7e-8f9a0b1c2d3e/offers',
      '/providers/kdv-de-eerste-stap',
      '/assets/app.css',
      '/lang/fr',
      '/provider/locations/3f2b8c1e-4d5a-4b6c-9d7e-8f9a0b1c2d3e/reports/2026-11-22',
    ])
      expect(loggablePath(path)).toBe(path);
  });

  it('drops the query string and any segment a visitor may have filled with a personal value', () => {
    expect(loggablePath('/reset-password?token=abc&email=a@b.be')).toBe('/reset-password');
    expect(loggablePath('/providers/user@example.com Bcc: x@evil.example/photos')).toBe(
      '/providers/[redacted]/photos',
    );
    expect(loggablePath('/desk/families/Wannes%20Vercauteren')).toBe('/desk/families/[redacted]');
    expect(loggablePath('/x/90.04.17-275.40/y')).toBe(
      '/x/90.04.17-275.40/y'.replace('90.04.17-275.40', '[redacted]'),
    );
  });
});
