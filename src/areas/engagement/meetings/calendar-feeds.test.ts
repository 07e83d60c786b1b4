import { describe, expect, it } from 'vitest';
import { feedAddress, feedHash, feedToken, isFeedTokenShape, newFeedLink } from './calendar-feeds.ts';

describe('calendar feed addresses', () => {
  const secret = 'test-secret-test-secret-test-secret-0123';
  const user = '6f1c2a8e-3b7d-4c1e-9a2f-0d5e8b7c6a41';

  it('gives the same token for the same nonce, another for a new nonce or another secret', () => {
    const link = newFeedLink(secret, user);
    expect(feedToken(secret, user, link.linkNonce)).toBe(link.token);
    expect(feedHash(link.token)).toBe(link.tokenHash);
    expect(newFeedLink(secret, user).token).not.toBe(link.token);
    expect(feedToken('another-secret-another-secret-0123456789', user, link.linkNonce)).not.toBe(link.token);
    expect(isFeedTokenShape(link.token)).toBe(true);
    expect(link.tokenHash).not.toContain(link.token);
  });

  it('checks the token’s shape before any query, and builds the address', () => {
    expect(isFeedTokenShape('short')).toBe(false);
    expect(isFeedTokenShape(`${'a'.repeat(43)}/`)).toBe(false);
    expect(feedAddress('https://example.org', 'abc')).toBe('https://example.org/calendar/abc.ics');
  });
});
