// The console's web-push worker: shows what the API pushed ({title, body, url, tag, kind}) and
// opens the appeal's card when the notification is clicked. It has no fetch handler, so it never
// stands between the console and the API. Registered by core/notifications/push-devices.ts.
/* global self, clients */

self.addEventListener('push', (event) => {
  const data = payload(event);
  event.waitUntil(
    self.registration.showNotification(data.title || 'Отклик', {
      body: data.body || '',
      tag: data.tag || undefined,
      data: { url: data.url || '/' },
    }),
  );
});

self.addEventListener('notificationclick', (event) => {
  event.notification.close();
  const url = new URL(event.notification.data?.url || '/', self.location.origin);
  // Only this console's pages are opened; anything else falls back to its start page.
  const target = url.origin === self.location.origin ? url.href : self.location.origin + '/';
  event.waitUntil(
    clients.matchAll({ type: 'window', includeUncontrolled: true }).then((windows) => {
      // A console tab this worker controls is taken to the card; otherwise a new tab opens it.
      const open = windows.find((w) => new URL(w.url).origin === self.location.origin);
      const shown = open ? open.navigate(target).then((w) => (w || open).focus()) : Promise.reject(new Error('no tab'));
      return shown.catch(() => clients.openWindow(target));
    }),
  );
});

function payload(event) {
  try {
    return event.data ? event.data.json() : {};
  } catch {
    return { body: event.data ? event.data.text() : '' };
  }
}
