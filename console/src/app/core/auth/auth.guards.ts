import { inject } from '@angular/core';
import { Router, type CanActivateChildFn, type CanActivateFn } from '@angular/router';
import { AuthService } from './auth.service';

// inject() is called before the first await in each guard: the injection context ends there.

/** Any signed-in account; otherwise the sign-in page, coming back here afterwards. */
export const signedInGuard: CanActivateFn = async (_route, state) => {
  const router = inject(Router);
  const user = await inject(AuthService).ensureUser();
  return user ? true : router.createUrlTree(['/login'], { queryParams: { returnUrl: state.url } });
};

/** The audit pages: admins and auditors (others see the staff-only page). */
export const auditRoleGuard: CanActivateFn = async () => {
  const auth = inject(AuthService);
  const router = inject(Router);
  const user = await auth.ensureUser();
  return user && ['admin', 'auditor'].includes(user.role) ? true : router.createUrlTree(['/staff-only']);
};

/** Admins only (webhook subscriptions): others see the staff-only page. */
export const adminRoleGuard: CanActivateFn = async () => {
  const auth = inject(AuthService);
  const router = inject(Router);
  const user = await auth.ensureUser();
  return user?.role === 'admin' ? true : router.createUrlTree(['/staff-only']);
};

/** Staff accounts and the department tree: admins change them, supervisors read their subtree. */
export const adminOrSupervisorGuard: CanActivateFn = async () => {
  const auth = inject(AuthService);
  const router = inject(Router);
  const user = await auth.ensureUser();
  return user && ['supervisor', 'admin'].includes(user.role) ? true : router.createUrlTree(['/staff-only']);
};

/** The reports: supervisors (their subtree) and admins (everything); operators see the staff-only page. */
export const reportsRoleGuard: CanActivateFn = async () => {
  const auth = inject(AuthService);
  const router = inject(Router);
  const user = await auth.ensureUser();
  return user && ['supervisor', 'admin'].includes(user.role) ? true : router.createUrlTree(['/staff-only']);
};

/** Operators and supervisors only: citizens and admins see the staff-only page instead. */
export const consoleRoleGuard: CanActivateChildFn = async () => {
  const auth = inject(AuthService);
  const router = inject(Router);
  await auth.ensureUser();
  return auth.isConsoleUser() ? true : router.createUrlTree(['/staff-only']);
};

/** The sign-in page is for signed-out visitors. */
export const signedOutGuard: CanActivateFn = async () => {
  const router = inject(Router);
  const user = await inject(AuthService).ensureUser();
  return user ? router.createUrlTree(['/']) : true;
};

/** Only same-site paths are followed after sign-in (no open redirect through ?returnUrl=). */
export function safeReturnUrl(value: string | null | undefined): string {
  return value && value.startsWith('/') && !value.startsWith('//') && !value.startsWith('/login') ? value : '/';
}
