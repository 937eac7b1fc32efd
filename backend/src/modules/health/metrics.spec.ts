import { metricsAuthorized } from './metrics';

describe('metricsAuthorized', () => {
  const config = { token: 'scrape-token-0123456789', host: '127.0.0.1', onMainPort: true };

  it('without a configured token lets every scraper in', () => {
    expect(metricsAuthorized({ ...config, token: undefined }, undefined)).toBe(true);
  });

  it('with a token needs exactly that bearer token', () => {
    expect(metricsAuthorized(config, 'Bearer scrape-token-0123456789')).toBe(true);
    expect(metricsAuthorized(config, 'bearer scrape-token-0123456789')).toBe(true);
    expect(metricsAuthorized(config, undefined)).toBe(false);
    expect(metricsAuthorized(config, '')).toBe(false);
    expect(metricsAuthorized(config, 'scrape-token-0123456789')).toBe(false);
    expect(metricsAuthorized(config, 'Bearer scrape-token-012345678')).toBe(false);
    expect(metricsAuthorized(config, 'Basic c2NyYXBlOnRva2Vu')).toBe(false);
  });
});
