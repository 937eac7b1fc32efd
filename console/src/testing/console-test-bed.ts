import type { EnvironmentProviders, Provider } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { MATERIAL_ANIMATIONS } from '@angular/material/core';
import { provideRouter } from '@angular/router';
import type { Schemas } from '@otklik/shared/api/client';
import { AuthService } from '../app/core/auth/auth.service';
import { SESSION_STORAGE_KEY } from '../app/core/auth/token-store';
import { forgetEarlyStart } from '../app/core/early-start';
import { FakeApi } from './fake-api';

/**
 * One component test's world: a fresh fake API in place of `fetch`, the console in Russian (its
 * default), no stored session, the router, and Material without animations (a dialog closes at
 * once instead of after a transition jsdom never ends). Call `api.verify()` after each test.
 */
export function setUpConsole(providers: (Provider | EnvironmentProviders)[] = []): FakeApi {
  localStorage.clear();
  forgetEarlyStart();
  // Angular resets the test module after each test, but work a test left running (a timer, a
  // stream's reconnect, a lazily loaded module) can resolve after that reset and instantiate the
  // module again; configuring it would then throw «already instantiated» and fail the next test
  // (1 run in 4 on a busy machine). Each test starts from a fresh module instead.
  TestBed.resetTestingModule();
  const api = new FakeApi();
  api.install();
  TestBed.configureTestingModule({
    providers: [provideRouter([]), { provide: MATERIAL_ANIMATIONS, useValue: { animationsDisabled: true } }, ...providers],
  });
  return api;
}

/**
 * Signs `user` in the way a page load does: a stored session, then GET /me through the real
 * AuthService (the guard's path). Components then see the user, its role and its department.
 */
export async function signIn(api: FakeApi, user: Schemas['MeDto']): Promise<void> {
  localStorage.setItem(
    SESSION_STORAGE_KEY,
    JSON.stringify({ accessToken: 'access-token', refreshToken: 'refresh-token', expiresAt: Date.now() + 15 * 60_000 }),
  );
  api.on('GET', '/api/v1/me', { body: user });
  await TestBed.inject(AuthService).ensureUser();
}
