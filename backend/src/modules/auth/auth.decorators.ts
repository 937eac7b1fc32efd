import { applyDecorators, SetMetadata } from '@nestjs/common';
import { ApiBearerAuth, ApiForbiddenResponse, ApiUnauthorizedResponse } from '@nestjs/swagger';
import { Role } from '@otklik/shared/domain';

export const PUBLIC_KEY = 'otklik:public';
export const ROLES_KEY = 'otklik:roles';

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
