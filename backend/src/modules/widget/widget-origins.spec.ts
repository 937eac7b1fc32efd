import { isWidgetRoute } from './widget-assets';
import { ORIGIN_PATTERN } from './widget-origins.dto';

describe('widget origins', () => {
  it.each(['https://mintrans.example.ru', 'http://127.0.0.1:4310', 'https://xn--80aswg.xn--p1ai', 'http://[::1]:8080'])('accepts the origin %s', (origin) => {
    expect(ORIGIN_PATTERN.test(origin)).toBe(true);
  });

  it.each(['https://example.ru/', 'https://example.ru/path', 'ftp://example.ru', 'https://Example.ru', '*', 'null', 'https://example.ru\nX: y', 'https://user@example.ru'])(
    'refuses %j',
    (origin) => {
      expect(ORIGIN_PATTERN.test(origin)).toBe(false);
    },
  );

  it('lets widget origins call only the routes the widget uses', () => {
    for (const url of ['/api/v1/catalog/categories', '/api/v1/auth/captcha', '/api/v1/public/appeals', '/api/v1/public/appeals/123?accessCode=abc123', '/api/v1/public/upload-sessions', '/api/v1/public/attachments', '/api/v1/me', '/api/v1/appeals', '/api/v1/attachments']) {
      expect(isWidgetRoute(url)).toBe(true);
    }
    for (const url of ['/api/v1/auth/login', '/api/v1/appeals/123/actions/withdraw', '/api/v1/me/sessions', '/api/v1/admin/widget-origins', '/api/v1/public/appeals/1/x', '/api/v1/catalog/categories-admin', '/api/v1/public/attachments/x', '/api/v1/attachments/00000000-0000-0000-0000-000000000000']) {
      expect(isWidgetRoute(url)).toBe(false);
    }
  });
});
