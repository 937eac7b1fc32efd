import { applyDecorators, SetMetadata } from '@nestjs/common';
import { ApiBearerAuth, ApiForbiddenResponse, ApiUnauthorizedResponse } from '@nestjs/swagger';
import { Role } from '@otklik/shared/domain';

export const PUBLIC_KEY = 'otklik:public';
export const ROLES_KEY = 'otklik:roles';
export const WIDGET_SCOPED_KEY = 'otklik:widget-scoped';

/** Open to anyone, signed in or not. Every other route requires a valid access token. */
export const Public = () => SetMetadata(PUBLIC_KEY, true);

/** Signed in with one of these roles (the one auth decorator of a route). */
export const Authenticated = (...roles: Role[]) =>
  applyDecorators(
    SetMetadata(ROLES_KEY, roles),
    ApiBearerAuth(),
    ApiUnauthorizedResponse({ description: 'Missing, expired or invalid access token' }),
    ApiForbiddenResponse({ description: 'The role may not use this route' }),
  );

/**
 * Also open to the citizen widget's token (Principal.scope `widget`), which every other route
 * refuses with 403 token_scope: the host page can read that token, so it reaches only what the
 * widget does (the profile's name, filing, uploads).
 */
export const WidgetScoped = () => SetMetadata(WIDGET_SCOPED_KEY, true);
