import { describe, expect, it } from 'vitest';
import { initialOf, slugify } from './format';
import { hasRole } from './roles';

describe('slugify', () => {
  it.each([
    ['Acme Corp', 'acme-corp'],
    ['  Ünïcorn Labs, Inc.  ', 'unicorn-labs-inc'],
    ['---', ''],
    ['Café & Bäckerei 24/7', 'cafe-backerei-24-7'],
  ])('%s -> %s', (input, slug) => {
    expect(slugify(input)).toBe(slug);
  });

  it('caps the length without a trailing dash', () => {
    const slug = slugify('a'.repeat(47) + ' bcd');
    expect(slug).toBe('a'.repeat(47));
  });
});

describe('initialOf', () => {
  it('uses the first letter, upper-cased', () => {
    expect(initialOf(' grace hopper')).toBe('G');
    expect(initialOf('')).toBe('?');
  });
});

describe('hasRole', () => {
  it('orders viewer < analyst < admin < owner', () => {
    expect(hasRole('owner', 'admin')).toBe(true);
    expect(hasRole('ADMIN', 'admin')).toBe(true);
    expect(hasRole('analyst', 'admin')).toBe(false);
    expect(hasRole(undefined, 'viewer')).toBe(false);
    expect(hasRole('superuser', 'viewer')).toBe(false);
  });
});
