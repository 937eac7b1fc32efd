/* Generated from shared/api/openapi.json by npm run openapi:sync. Do not edit. */
export interface paths {
    "/api/v1/audit": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The audit log, newest first */
        get: operations["listAudit"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/audit/export": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The audit log with the list filters as CSV or PDF (the newest 5000 rows that match)
         * @description Each export is itself audited (audit.export, with the filters and the row count).
         */
        get: operations["exportAudit"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/audit/alerts": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Suspicious-activity alerts with their resolution, newest first */
        get: operations["listAuditAlerts"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/audit/alerts/{id}/resolve": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Resolve an alert (confirmed or false positive); an admin may unlock the account it locked */
        post: operations["resolveAuditAlert"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/audit/citizens": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Find citizens by e-mail, phone or name, to read their personal-data access log (the search is audited) */
        get: operations["searchAuditCitizens"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/audit/personal-data-access/{citizenId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Who accessed one citizen's personal data, when and why (152-ФЗ) */
        get: operations["listPersonalDataAccess"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/me/personal-data-access": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Which department and position viewed or revealed my personal data, and when (152-ФЗ) */
        get: operations["listMyPersonalDataAccess"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/admin/event-deliveries": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Deliveries of domain events to consumers: dead letters by default, newest first */
        get: operations["listEventDeliveries"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/admin/event-deliveries/retry": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Put dead letters back to pending with a fresh budget of attempts, and run them now */
        post: operations["retryEventDeliveries"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/admin/event-deliveries/discard": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Give up on dead letters: marked discarded, never run again, kept as a record (list them with status=discarded)
         * @description Only dead letters change; others among the ids are left as they are (the count says how many were discarded).
         */
        post: operations["discardEventDeliveries"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/admin/queues/board": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Whether Bull Board is available (Redis mode) and where */
        get: operations["getQueueBoard"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/admin/queues/board/session": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Open a Bull Board session: a 10-minute HttpOnly, SameSite=Strict cookie scoped to the board (audited)
         * @description The board’s pages cannot carry the bearer token, so they are let in by this cookie; without it the board answers 403.
         */
        post: operations["openQueueBoardSession"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/login": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Sign in with e-mail and password
         * @description Tokens, or `mfaRequired` with an `mfaToken` for POST /auth/mfa. 401 invalid_credentials; 423 account_locked and 429 with Retry-After; 403 password_expired (change it with POST /auth/password/expired) or ip_not_allowed for staff.
         */
        post: operations["login"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/mfa": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Second factor: TOTP, SMS/e-mail code or a backup code
         * @description The mfaToken is single-use: once a sign-in is completed with it, it is refused (401 mfa_token_invalid). 403 mfa_enrolment_required when the login answer had `enrolment` (use POST /auth/mfa/enrolment).
         */
        post: operations["verifyMfa"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/mfa/enrolment": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * First sign-in of staff without a second factor: the e-mail code, then a TOTP secret to enrol
         * @description For a login answer with `enrolment: totp`. Spends the mfaToken; returns an enrolment token, the otpauth URI and its QR code. 401 mfa_code_invalid / mfa_token_invalid; 409 mfa_already_enrolled.
         */
        post: operations["beginSignInEnrolment"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/mfa/enrolment/confirm": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Confirm the TOTP enrolment with a code from the app: the session starts, 10 backup codes are shown once
         * @description 422 code_invalid (the token stays usable); 401 mfa_token_invalid when the enrolment token is expired or spent.
         */
        post: operations["confirmSignInEnrolment"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/mfa/sms": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Send a sign-in code by SMS */
        post: operations["sendMfaSms"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/captcha": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** ALTCHA proof-of-work challenge for registration */
        get: operations["getCaptcha"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/register": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Start citizen registration; an SMS code is sent to the phone */
        post: operations["register"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/register/resend": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Send the registration code again (rate-limited) */
        post: operations["resendRegistrationCode"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/register/confirm": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Confirm the phone with the SMS code: the account is created and signed in */
        post: operations["confirmRegistration"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/password/forgot": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Send a password reset code (always 202: does not tell whether the account exists) */
        post: operations["forgotPassword"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/password/reset": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Set a new password with the reset code; all sessions end */
        post: operations["resetPassword"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/password/expired": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Change an expired password (after login answered password_expired) */
        post: operations["changeExpiredPassword"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/refresh": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Rotate the refresh token; a reused token revokes the session */
        post: operations["refresh"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/logout": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** End the session of this refresh token */
        post: operations["logout"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/me/contacts/confirm": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Confirm a new (or unverified) e-mail or phone with the code sent to it */
        post: operations["confirmContact"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/me/password": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Change the password; other sessions end */
        post: operations["changePassword"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/me/mfa/totp": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Start TOTP enrolment: otpauth URI and QR code */
        post: operations["startTotp"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/me/mfa/sms": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Use SMS codes to the confirmed phone as the second factor */
        post: operations["enableSmsMfa"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/me/mfa/totp/confirm": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Confirm TOTP with a code; returns 10 single-use backup codes */
        post: operations["confirmTotp"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/me/mfa": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Turn the second factor off (needs the password) */
        delete: operations["disableMfa"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/me/sessions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Active sessions of the signed-in user */
        get: operations["listSessions"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/me/sessions/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** End one session */
        delete: operations["revokeSession"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/me/sessions/revoke-others": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** End every session except this one */
        post: operations["revokeOtherSessions"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/esia/login": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Sign in with ESIA (Госуслуги): redirects to the provider
         * @description Starts authorization code flow with state (UUID v4), nonce, PKCE (S256) and ESIA extras (timestamp, signed client_secret). The login state is kept in an HttpOnly, SameSite=Lax cookie `otklik_esia` (sealed, 10 minutes) scoped to /api/v1/auth/esia.
         */
        get: operations["esiaLogin"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/esia/callback": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * ESIA redirect target: exchanges the code and signs in
         * @description Validates state against the login cookie, exchanges the code (PKCE), validates the ID token, reads the person from /rs/prns/{oid}, links or creates the citizen account and issues platform tokens. The browser is redirected to `{PUBLIC_URL}/auth/esia/done#accessToken=…&refreshToken=…&expiresIn=…&tokenType=Bearer` — in the URL fragment, never the query, so the tokens are not sent to any server, logged, or leaked through Referer; the page should read them and clear the fragment (history.replaceState). A sign-in begun for the citizen widget (GET /auth/esia/widget) ends instead in a page that posts `{type: "otklik:esia", accessToken, expiresIn, tokenType}` to its opener on the widget origin only, and closes. Errors are problem+json: 400 esia_state_invalid, 403 esia_denied / esia_account_not_citizen, 502 esia_failed, 503 esia_not_configured.
         */
        get: operations["esiaCallback"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/admin/staff": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Staff accounts
         * @description Admins: every staff account. Supervisors: those of their department subtree.
         */
        get: operations["listStaffAccounts"];
        put?: never;
        /**
         * Create a staff account and e-mail an invitation
         * @description The invitee sets the password and enrols TOTP with the one-time link (POST /auth/account-link). 409 conflict (field email) for a taken e-mail.
         */
        post: operations["createStaffAccount"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/admin/staff/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * A staff account with its live sessions
         * @description Supervisors: only accounts of their department subtree (else 404).
         */
        get: operations["getStaffAccount"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /**
         * Change a staff account (name, position, role, department, IP allow-list)
         * @description A change of the role, the department or the allow-list ends the account’s sessions. 409 own_account for a change of one’s own role.
         */
        patch: operations["updateStaffAccount"];
        trace?: never;
    };
    "/api/v1/admin/staff/{id}/lock": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Lock a staff account: sign-in refused, its sessions end at once
         * @description 409 own_account for one’s own. Locking a locked account changes nothing.
         */
        post: operations["lockStaffAccount"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/admin/staff/{id}/unlock": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Unlock a staff account (also one a security alert locked) */
        post: operations["unlockStaffAccount"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/admin/staff/{id}/reset-mfa": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Remove the second factor: the sessions end, the next sign-in enrols again */
        post: operations["resetStaffMfa"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/admin/staff/{id}/reset-password": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** E-mail a one-time link to set a new password */
        post: operations["resetStaffPassword"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/admin/staff/{id}/invitation": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Send the invitation again (a new link; the earlier one stops working)
         * @description 409 invitation_already_accepted once a password is set.
         */
        post: operations["resendStaffInvitation"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/admin/staff/{id}/sessions/{sessionId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** End one session of a staff account */
        delete: operations["revokeStaffSession"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/account-link": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Set the password with an e-mailed one-time link (an invitation or a reset)
         * @description Single use; expires. 410 account_link_invalid for an unknown, used or expired link; 422 for a weak password (the link stays valid). A staff account without a second factor gets `enrolment`: confirm it with POST /auth/mfa/enrolment/confirm, which signs in.
         */
        post: operations["acceptAccountLink"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/me": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The signed-in user */
        get: operations["getMe"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Change my name, preferred answer channel, e-mail or phone (a new address is used once confirmed by the code sent to it) */
        patch: operations["updateMe"];
        trace?: never;
    };
    "/api/v1/catalog/appeal-types": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Appeal types */
        get: operations["listAppealTypes"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/catalog/categories": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Category tree with extra-field schemas */
        get: operations["listCategories"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/admin/categories": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Every category and subcategory, retired ones too, with its ТОТК code, types, department and extra-field schema */
        get: operations["listCategoryCodes"];
        put?: never;
        /**
         * Add a category, or a subcategory (with parentId)
         * @description 409 category_code_taken for a code in use.
         */
        post: operations["createCategory"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/admin/categories/reorder": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Put the children of a category (or the top level) in a new order */
        post: operations["reorderCategories"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/admin/categories/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Change a category’s names, types, department, priority or ТОТК code */
        patch: operations["updateCategory"];
        trace?: never;
    };
    "/api/v1/admin/categories/{id}/schema": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /**
         * Set the extra-field JSON Schema: a new version
         * @description Filing validates against the current version; an appeal keeps the version it was filed under. The same schema again makes no new version.
         */
        put: operations["setCategorySchema"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/admin/categories/{id}/schema-versions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Every version of the category’s extra-field schema, newest first */
        get: operations["listCategorySchemaVersions"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/admin/categories/{id}/retire": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Retire a category: no longer offered for filing; appeals filed under it keep it */
        post: operations["retireCategory"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/admin/categories/{id}/reinstate": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Offer a retired category for filing again (409 category_parent_retired under a retired parent) */
        post: operations["reinstateCategory"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/admin/categories/{id}/totk-code": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Set a category's ТОТК classifier code (audited) */
        patch: operations["setCategoryTotkCode"];
        trace?: never;
    };
    "/api/v1/appeals": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** My appeals, newest first; q searches the text */
        get: operations["listMyAppeals"];
        put?: never;
        /** File an appeal (registered at once) or save a draft */
        post: operations["createAppeal"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/appeals/export": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** My appeal history as CSV or PDF, with the list filters */
        get: operations["exportMyAppeals"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/appeals/prefill": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A new appeal prefilled from my profile, a template of mine or an earlier appeal of mine */
        get: operations["prefillAppeal"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/appeals/{idOrNumber}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The appeal card: fields, status, deadlines, history, messages */
        get: operations["getAppeal"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Edit a draft or a registered appeal («Перепроверено») */
        patch: operations["updateAppeal"];
        trace?: never;
    };
    "/api/v1/appeals/{idOrNumber}/submit": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Submit a draft: it is registered at once */
        post: operations["submitAppeal"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/appeals/{idOrNumber}/history": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Status history */
        get: operations["getAppealHistory"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/appeals/{idOrNumber}/messages": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The message thread (internal notes only for staff) */
        get: operations["listAppealMessages"];
        put?: never;
        /** Write to the thread; staff may add an internal note */
        post: operations["postAppealMessage"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/staff/appeals": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Department queue (own department; a supervisor also sees sub-departments) */
        get: operations["listStaffAppeals"];
        put?: never;
        /** Register an appeal received by phone, e-mail, post or in person (into the own departments or the general pool); the applicant gets the receipt */
        post: operations["registerStaffAppeal"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/staff/appeals/counts": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** How many appeals each view of the caller's queue holds (the console's navigation) */
        get: operations["countStaffQueueViews"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/staff/appeals/{idOrNumber}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The full card of an appeal in the queue (contact details masked) */
        get: operations["getStaffAppeal"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/staff/appeals/{idOrNumber}/related": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Linked appeals (the one this disputes or re-files, its disputes and re-filings) and the citizen's other appeals, as far as the staff member may see them */
        get: operations["getRelatedAppeals"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/staff/appeals/{idOrNumber}/reveal-contact": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Reveal the citizen's contact details (logged as a personal-data access) */
        post: operations["revealAppealContact"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/staff/appeals/{idOrNumber}/answer-templates": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Answer templates of the appeal's department, with this appeal's placeholders filled in */
        get: operations["listAnswerTemplatesForAppeal"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/staff/appeals/{idOrNumber}/duplicates": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Likely duplicates: the same citizen's similar appeals within DUPLICATE_WINDOW_DAYS, in the staff member's departments */
        get: operations["listAppealDuplicates"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/staff/appeals/{idOrNumber}/merge": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** «Объединить»: link a duplicate to this main appeal; both keep their numbers, the main answer goes to both */
        post: operations["mergeAppeal"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/staff/appeals/{idOrNumber}/answer-printed": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** «Распечатано»: the postal answer was printed to post it (who and when, in the history and the audit); the appeal leaves the to-print list (toPrint) */
        post: operations["markAnswerPrinted"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/public/appeals": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Unidentified feedback without an account (CAPTCHA required); returns the number and an access code */
        post: operations["filePublicAppeal"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/public/appeals/{number}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Status of an unidentified appeal by its number and access code */
        get: operations["trackPublicAppeal"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/public/upload-sessions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Open an upload session for the files of one unidentified filing (CAPTCHA required); answers the upload rules */
        post: operations["openPublicUploadSession"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/public/attachments": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Upload one file into a public upload session (same rules as POST /attachments); bind it with POST /public/appeals */
        post: operations["uploadPublicAttachment"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/me/appeal-templates": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** My appeal templates, newest first */
        get: operations["listMyAppealTemplates"];
        put?: never;
        /** Save an appeal template, from scratch or from an earlier appeal of mine */
        post: operations["createMyAppealTemplate"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/me/appeal-templates/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Delete one of my appeal templates */
        delete: operations["deleteMyAppealTemplate"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/me/thankable-staff": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The employees who handled my appeals, whom a gratitude may name (position; name per policy) */
        get: operations["listThankableStaff"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/staff/queue-filters": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** My saved views of the queue, by name */
        get: operations["listQueueFilters"];
        put?: never;
        /** Save the queue filters under a name (unique per user) */
        post: operations["createQueueFilter"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/staff/queue-filters/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /** Rename a saved view or replace its filters */
        put: operations["updateQueueFilter"];
        post?: never;
        /** Delete a saved view */
        delete: operations["deleteQueueFilter"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/staff/appeals/{idOrNumber}/assignees": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Who the appeal may be assigned to: staff of its department, least loaded first */
        get: operations["listAppealAssignees"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/staff/appeals/{idOrNumber}/answer-drafts": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The answer drafts sent for approval, newest first: each revision, its state and the remark it was returned with */
        get: operations["listAnswerDrafts"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/staff/appeals/bulk-actions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Assign or redirect a selection of appeals; each succeeds or fails on its own */
        post: operations["bulkStaffAction"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/staff/appeals/{idOrNumber}/actions/{action}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** A staff action: take, assign, request-documents, send-for-approval, approve (supervisor), redirect, extend, no-answer-required, terminate-correspondence, reopen, and the proposals (propose-termination, propose-extension, propose-no-answer, approve-proposal, return-proposal). send-for-approval may carry the draft answer; approve then sends it out, return-answer (supervisor) returns it with a remark. reclassify sets the category (of the appeal's type) and/or the priority of an open appeal, without re-routing it or touching its deadlines; the same values again change nothing. Each action has its own body (oneOf; the body may repeat the path's `action`, which then selects it); a field the action needs is checked once the appeal's status admits the action. */
        post: operations["staffAppealAction"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/staff/appeals/{idOrNumber}/answer": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Answer: done → resolved, refused → rejected (reason required), clarification_needed → awaiting_citizen */
        post: operations["answerAppeal"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/appeals/{idOrNumber}/actions/{action}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** A citizen action: withdraw, close, mark-important, unmark-important, request-clarification, reopen, dispute, resubmit, escalate. dispute and resubmit file a new linked appeal and answer with it. */
        post: operations["appealAction"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/appeals/{idOrNumber}/answer": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The signed answer: JSON (detached JWS in X-Answer-Signature), XML (enveloped XMLDSig) or PDF (signature embedded, verification code printed) */
        get: operations["getAppealAnswer"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/appeals/{idOrNumber}/rating": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Rate the answer 1–5 with a comment (once) */
        post: operations["rateAppeal"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/appeals/{idOrNumber}/materials": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** «Добавить материалы»: attach own uploads to an open appeal; from awaiting_citizen it goes back to in_progress */
        post: operations["addAppealMaterials"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/appeals/{idOrNumber}/retention-extension": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Keep my appeal past the retention period, until a date (at most 5 years ahead) */
        post: operations["extendAppealRetention"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/appeals/{idOrNumber}/dossier.pdf": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The appeal's dossier as PDF: history, thread, answer with its verification code, files */
        get: operations["getAppealDossier"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/admin/macros": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Macros (staff actions and a note applied with one click)
         * @description Admins: every one. Supervisors: the common ones and those of their department subtree, read-only.
         */
        get: operations["listAppealMacros"];
        put?: never;
        /** Add a macro, for every department or one (422 invalid_department for an unknown one, macro_empty for one that does nothing) */
        post: operations["createAppealMacro"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/admin/macros/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /** Replace a macro */
        put: operations["updateAppealMacro"];
        post?: never;
        /** Delete a macro */
        delete: operations["deleteAppealMacro"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/staff/appeals/{idOrNumber}/macros": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The macros the appeal's department may use (its own and the common ones) */
        get: operations["listMacrosForAppeal"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/staff/appeals/{idOrNumber}/macros/{macroId}/apply": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Apply a macro: its actions in order (each under the rules of the action route) and its note, in one transaction. A step the appeal does not admit is a 409 macro_step_not_allowed naming the step, and nothing changes; a macro of another department is a 403 macro_not_allowed. */
        post: operations["applyAppealMacro"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/admin/sla-policies": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** SLA policies: the default of each appeal type and category-specific ones */
        get: operations["listSlaPolicies"];
        /** Create or replace the policy of a type (and optionally a category) */
        put: operations["upsertSlaPolicy"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/admin/calendar/preview": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The deadlines an appeal of a type (and category) registered at a given moment would get, by the calendar and policies in force */
        get: operations["previewDeadline"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/admin/calendar/{year}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A year of the production calendar (official if loaded, else by Labour Code art. 112) */
        get: operations["getCalendarYear"];
        /** Load a year's official production calendar */
        put: operations["loadCalendarYear"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/admin/calendar/{year}/import": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Load a year's production calendar from an xmlcalendar file (XML or JSON form)
         * @description The file must be of the year in the path (422 calendar_year_mismatch); a malformed file is a 422 naming `content`. Replaces the year as PUT does (audited as calendar.imported).
         */
        post: operations["importCalendarYear"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/admin/retention/settings": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The retention rule in force: years after closing and anonymise or delete; where it comes from */
        get: operations["getRetentionSettings"];
        /**
         * Change the retention rule
         * @description Takes effect at the next daily retention run: appeals closed longer ago than the new period lose their personal data then. Overrides RETENTION_YEARS / RETENTION_MODE.
         */
        put: operations["updateRetentionSettings"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/admin/retention/destructions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Destruction records: which appeal lost its personal data, when, how, by which rule (no personal data), newest first */
        get: operations["listRetentionDestructions"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/attachments": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Upload one file (PDF, DOC, DOCX, JPG, PNG, TXT; type decided by content); attach it by id to an appeal, message or answer */
        post: operations["uploadAttachment"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/attachments/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Download (attachment disposition, nosniff, single byte ranges); staff downloads are audited */
        get: operations["downloadAttachment"];
        put?: never;
        post?: never;
        /** Remove an own upload that is unattached or attached to a draft */
        delete: operations["deleteAttachment"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/attachments/{id}/preview": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A JPEG thumbnail of an image attachment (no metadata) */
        get: operations["previewAttachment"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/answers/verify": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Check a signed answer (JSON + its signature, XML or PDF): is it intact, who signed it and when
         * @description A tampered or foreign document is still a 200, with valid: false and a reason; only a malformed request is refused.
         */
        post: operations["verifyAnswer"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/admin/signing-keys": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Keys of signed answers: the active one first, then the retired ones that still verify (no private material) */
        get: operations["listSigningKeys"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/admin/signing-keys/rotate": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Generate a new key pair and make it the active signing key
         * @description The key it replaces is retired: it signs no more but keeps verifying the answers signed with it. Every instance signs with the new key within seconds.
         */
        post: operations["rotateSigningKey"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/audit/checkpoints": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Signed checkpoints of the audit chain, newest first: keep copies outside the database */
        get: operations["listAuditCheckpoints"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/audit/checkpoints/consistency": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** RFC 6962 consistency proof between two checkpoints (by size) */
        get: operations["auditConsistencyProof"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/audit/verify": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Verify the audit chain: the first broken link and the rows around it */
        get: operations["verifyAudit"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/me/notifications": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The in-app feed, newest first, with the unread count */
        get: operations["listNotifications"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/me/notifications/unread-count": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Unread items in the feed */
        get: operations["countUnreadNotifications"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/me/notifications/stream": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Live feed (Server-Sent Events)
         * @description Events: `notification` (data: a NotificationItem, id: its id) and `unread` (data: {"unread": n}); for operators and supervisors also `queue` (data: {appealId, number, event}: an appeal of their queue changed) and `presence` (data: {appealId, present: [{userId, name, activity}]}: who is on the appeal’s card now — sent for every such appeal on connect, then on each change). Send `Last-Event-ID` (or ?lastEventId=) to get what was missed since, up to 200 items. A comment line every 25 s keeps proxies from closing the connection.
         */
        get: operations["streamNotifications"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/me/notifications/read": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Mark items read */
        post: operations["markNotificationsRead"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/me/notifications/read-all": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Mark the whole feed read */
        post: operations["markAllNotificationsRead"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/me/notification-preferences": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Channels per notice, quiet hours, digest and language */
        get: operations["getNotificationPreferences"];
        /**
         * Change notification preferences (partial: what is sent changes)
         * @description A notice the law requires (extension, redirect, 59-ФЗ notices) keeps at least one channel: switching all off is refused (422 required_notice).
         */
        put: operations["updateNotificationPreferences"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/me/push-subscriptions/key": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The VAPID public key to subscribe a device with */
        get: operations["getPushKey"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/me/push-subscriptions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Devices that get web push */
        get: operations["listPushSubscriptions"];
        put?: never;
        /** Register this device for web push (a PushSubscription: endpoint and keys) */
        post: operations["addPushSubscription"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/me/push-subscriptions/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Stop web push to a device */
        delete: operations["removePushSubscription"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/appeals/{idOrNumber}/notifications": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Notices of the appeal: channel, status, when, the delivery receipt */
        get: operations["listAppealNotifications"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/admin/notification-deliveries": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Notice deliveries on e-mail, SMS and push: dead ones by default, newest first */
        get: operations["listNotificationDeliveries"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/admin/notification-deliveries/retry": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Put dead deliveries back to pending with a fresh budget of attempts, due now */
        post: operations["retryNotificationDeliveries"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/admin/notification-templates": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Every notice kind × channel × language: the built-in text, the override if any, the placeholders it may use */
        get: operations["listNotificationTemplates"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/admin/notification-templates/preview": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** One channel of a kind rendered with sample facts: a draft (checked as a save: 422 unknown_placeholder, sms_too_long) or the text in use */
        post: operations["previewNotificationTemplate"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/admin/notification-templates/{kind}/{channel}/{lang}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /** Replace the text of a kind on a channel in a language (422 unknown_placeholder naming them, sms_too_long; 404 for an unknown kind, channel or language) */
        put: operations["saveNotificationTemplate"];
        post?: never;
        /** Return to the built-in text (404 when none is overridden) */
        delete: operations["resetNotificationTemplate"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/staff/appeals/{idOrNumber}/presence": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /**
         * The caller is on the appeal's card (viewing, or replying); answers who else is
         * @description A heartbeat: the caller stays shown for `ttlSeconds` (40) unless it comes again. Changes reach the staff whose queues show the appeal as `presence` events of the notification stream. Not audited: it changes nothing of the appeal.
         */
        put: operations["beatAppealPresence"];
        post?: never;
        /**
         * The caller left the appeal's card
         * @description Removes only the caller's own presence, so it works after the appeal left their reach (redirected away): 204 whether or not the appeal exists, may be seen by the caller, or had them on it.
         */
        delete: operations["leaveAppealPresence"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/admin/webhooks": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Webhook subscriptions */
        get: operations["listWebhooks"];
        put?: never;
        /** Subscribe a receiver; its signing secret is in the answer, once */
        post: operations["createWebhook"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/admin/webhooks/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One webhook subscription */
        get: operations["getWebhook"];
        put?: never;
        post?: never;
        /** Remove a subscription with its delivery log */
        delete: operations["deleteWebhook"];
        options?: never;
        head?: never;
        /** Change a subscription (enable it again after failures) */
        patch: operations["updateWebhook"];
        trace?: never;
    };
    "/api/v1/admin/webhooks/{id}/rotate-secret": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** A new signing secret, shown once; the previous one keeps signing beside it for 24 h */
        post: operations["rotateWebhookSecret"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/admin/webhooks/{id}/deliveries": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The delivery log of a subscription, newest first */
        get: operations["listWebhookDeliveries"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/admin/webhooks/{id}/deliveries/{deliveryId}/replay": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Send one delivery again, with the same webhook-id and body */
        post: operations["replayWebhookDelivery"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/admin/webhooks/{id}/replay": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Send again every delivery created in a time range, each with its own webhook-id */
        post: operations["replayWebhookRange"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/admin/webhooks/{id}/test": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Send a signed webhook.test event to the receiver */
        post: operations["sendWebhookTest"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/reports/volume": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Received, registered, answered and closed by day, category, type, department and channel, against the previous period; intake heat map */
        get: operations["getVolumeReport"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/reports/sla": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** On-time shares, working-day means and exact medians, extensions, redirects; overdue now by department and operator */
        get: operations["getSlaReport"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/reports/backlog": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Open appeals now by status and age bucket, the oldest, the general pool, escalated */
        get: operations["getBacklogReport"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/reports/quality": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Ratings distribution and averages by department, category and operator; the re-review list; disputes */
        get: operations["getQualityReport"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/reports/gratitude": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Gratitude by category and department */
        get: operations["getGratitudeReport"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/reports/operators": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Operator workload: assigned, answered, mean handling time, open and overdue now */
        get: operations["getOperatorsReport"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/reports/statutory": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The monthly statutory report (ССТУ form): topics by ТОТК code, received, considered by outcome; XLSX or CSV */
        get: operations["exportStatutoryReport"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/reports/appeals/{set}/export": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The appeals behind a figure (received, answered, closed in the period; open or overdue now) as streamed CSV */
        get: operations["exportReportAppeals"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/reports/{report}/export": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A report as streamed CSV, an XLSX workbook (rows: section, key, metric, value) or a PDF with its charts */
        get: operations["exportReport"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/admin/open311-keys": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Open311 API keys (never the keys themselves) */
        get: operations["listOpen311Keys"];
        put?: never;
        /** A new Open311 API key for a client app; the key is in the answer, once */
        post: operations["createOpen311Key"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/admin/open311-keys/{id}/revoke": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Revoke an Open311 API key: its filings are refused (403) from now on */
        post: operations["revokeOpen311Key"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/admin/widget-origins": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Origins allowed to embed the citizen widget for every body */
        get: operations["getWidgetOrigins"];
        /** Replace the origins allowed to embed the citizen widget for every body */
        put: operations["replaceWidgetOrigins"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/admin/departments/{id}/widget-origins": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * A body's origins allowed to embed the citizen widget
         * @description A body is a top-level department; any other department is 422 widget_body_invalid.
         */
        get: operations["getBodyWidgetOrigins"];
        /**
         * Replace a body's origins allowed to embed the citizen widget
         * @description A body is a live top-level department; any other department is 422 widget_body_invalid. Every process applies the change at its commit.
         */
        put: operations["replaceBodyWidgetOrigins"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/esia/widget": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Sign in with ESIA for the citizen widget (in a pop-up): redirects to the provider
         * @description `origin` must be allowed to embed the widget for `body` (or, without `body`, for some body): 403 widget_origin_not_allowed otherwise, 404 for an unknown body. The callback then answers a page that posts `{type: "otklik:esia", accessToken, expiresIn, tokenType}` to its opener on that origin only, and closes.
         */
        get: operations["esiaWidgetLogin"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/public/widget/bodies/{body}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The body the citizen widget is embedded for: its categories and the form of the link to a citizen’s appeal
         * @description A page on another origin (the `Origin` header) must be allowed for this body: 403 widget_origin_not_allowed otherwise. 404 for an unknown or retired body.
         */
        get: operations["getWidgetBody"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/admin/sed-exports": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The СЭД export packages, newest first (exported / acknowledged by a receipt) */
        get: operations["listSedExports"];
        put?: never;
        /** Run the СЭД export now: apply the receipts waiting, then write a package of what was registered or answered since the last one (409 when not configured) */
        post: operations["runSedExport"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/health/live": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The process is up */
        get: operations["healthLive"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/health/ready": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The database (and the queue, when configured) answer */
        get: operations["healthReady"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/admin/routing-rules": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Routing rules in the order they are tried
         * @description Admins: every rule. Supervisors: the rules that send appeals into their department subtree, read-only.
         */
        get: operations["listRoutingRules"];
        put?: never;
        /** Add a routing rule */
        post: operations["createRoutingRule"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/admin/routing-rules/test": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Where the saved rules send a sample appeal, and which rule (or the category, or the pool) decided */
        post: operations["testRoutingRules"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/admin/routing-rules/replay": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Replay a draft rule set (not saved) over the appeals of the last days
         * @description Compares where the draft and the saved rules send each appeal registered in the last `days` days (newest first, at most 5000: one index range scan) and reports how many would move, from where to where, with up to 20 examples. Nothing is written.
         */
        post: operations["replayRoutingRules"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/admin/routing-rules/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /** Replace a routing rule */
        put: operations["updateRoutingRule"];
        post?: never;
        /** Delete a routing rule */
        delete: operations["deleteRoutingRule"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/admin/answer-templates": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Answer templates (macros with placeholders)
         * @description Admins: every template. Supervisors: the global ones and their department subtree's.
         */
        get: operations["listAnswerTemplates"];
        put?: never;
        /**
         * Add an answer template
         * @description Admins: global (departmentId null) or any department. Supervisors: only their department subtree (403 answer_template_out_of_scope for a global one, 422 invalid_department for a department outside it).
         */
        post: operations["createAnswerTemplate"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/admin/answer-templates/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /**
         * Replace an answer template
         * @description Supervisors: a global template is 403 answer_template_out_of_scope, one of a department outside their subtree 404.
         */
        put: operations["updateAnswerTemplate"];
        post?: never;
        /**
         * Delete an answer template
         * @description Supervisors: a global template is 403 answer_template_out_of_scope, one of a department outside their subtree 404.
         */
        delete: operations["deleteAnswerTemplate"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/admin/departments": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Departments and their assignment settings
         * @description Admins: every department. Supervisors: their own department subtree, read-only.
         */
        get: operations["listDepartments"];
        put?: never;
        /**
         * Add a department to the tree
         * @description 409 conflict (field code) for a taken code; 422 for an unknown or retired parent.
         */
        post: operations["createDepartment"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/admin/departments/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Change how a department assigns appeals */
        patch: operations["updateDepartment"];
        trace?: never;
    };
    "/api/v1/staff/departments": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Departments (redirect targets and the hierarchy), by name */
        get: operations["listStaffDepartments"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/admin/snippets": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Answer snippets (text inserted at the cursor of an answer)
         * @description Admins: every one. Supervisors: the common ones and those of their department subtree, read-only.
         */
        get: operations["listAnswerSnippets"];
        put?: never;
        /** Add a snippet, for every department or one (422 invalid_department for an unknown one) */
        post: operations["createAnswerSnippet"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/admin/snippets/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /** Replace a snippet */
        put: operations["updateAnswerSnippet"];
        post?: never;
        /** Delete a snippet */
        delete: operations["deleteAnswerSnippet"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/staff/appeals/{idOrNumber}/snippets": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The snippets the appeal's department may use (its own and the common ones), placeholders filled in */
        get: operations["listSnippetsForAppeal"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/admin/departments/{id}/retire": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Retire a department
         * @description Not while it has open appeals, active staff or live sub-departments: 409 department_in_use with `openAppeals`, `activeStaff`, `liveChildren`; the general pool cannot be retired (409 department_general_pool). Retiring a retired department changes nothing.
         */
        post: operations["retireDepartment"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
}
export type webhooks = Record<string, never>;
export interface components {
    schemas: {
        AuditEntryDto: {
            /** @description Sequence number (grows with time) */
            id: string;
            /** Format: date-time */
            occurredAt: string;
            /** Format: uuid */
            actorId: string | null;
            actorRole: string | null;
            /** @description The actor as they were then */
            actorName: string | null;
            actorPosition: string | null;
            /** Format: uuid */
            actorDepartmentId: string | null;
            /**
             * Format: uuid
             * @description Whose personal data the action touched
             */
            subjectId: string | null;
            ip: string | null;
            userAgent: string | null;
            requestId: string | null;
            action: string;
            entityType: string;
            entityId: string | null;
            details: {
                [key: string]: unknown;
            };
            /** @description Changed fields {field: {from, to}}, personal data masked */
            changes: {
                [key: string]: unknown;
            } | null;
        };
        AuditPageDto: {
            items: components["schemas"]["AuditEntryDto"][];
            nextCursor: string | null;
        };
        /** @enum {string} */
        AuditAlertStatus: "open" | "resolved";
        /** @enum {string} */
        AuditAlertKind: "failed_sign_ins" | "new_network" | "mass_reveal" | "bulk_export" | "off_hours";
        /** @enum {string} */
        AuditAlertResolution: "confirmed" | "false_positive";
        AuditAlertDto: {
            /** Format: uuid */
            id: string;
            kind: components["schemas"]["AuditAlertKind"];
            status: components["schemas"]["AuditAlertStatus"];
            /**
             * Format: uuid
             * @description The account the signal concerns
             */
            subjectUserId: string | null;
            /** @description What the signal saw (counts, window, network) */
            details: {
                [key: string]: unknown;
            };
            /** Format: date-time */
            raisedAt: string;
            /**
             * Format: date-time
             * @description The latest occurrence while the alert was open
             */
            lastSeenAt: string;
            occurrences: number;
            /** @description The threshold locked the account pending review */
            accountLocked: boolean;
            /** Format: date-time */
            resolvedAt: string | null;
            /** Format: uuid */
            resolvedBy: string | null;
            resolution: components["schemas"]["AuditAlertResolution"] | null;
            resolutionNote: string | null;
        };
        AuditAlertPageDto: {
            items: components["schemas"]["AuditAlertDto"][];
            nextCursor: string | null;
        };
        ResolveAlertDto: {
            resolution: components["schemas"]["AuditAlertResolution"];
            note?: string;
            /**
             * @description Unlock the account the alert locked (admin only)
             * @default false
             */
            unlock?: boolean;
        };
        CitizenMatchDto: {
            /** Format: uuid */
            id: string;
            fullName: string;
            /**
             * @description Masked (first character and domain)
             * @example i***@example.ru
             */
            email: string;
            /** Format: date-time */
            registeredAt: string;
        };
        CitizenMatchListDto: {
            /** @description At most 20, by name */
            items: components["schemas"]["CitizenMatchDto"][];
        };
        /**
         * @description view: a staff member opened the appeal card (texts, masked contacts); reveal: contact details revealed; download / preview: a file opened
         * @enum {string}
         */
        PersonalDataAccessKind: "view" | "reveal" | "download" | "preview" | "other";
        PersonalDataAccessDto: {
            /** @description Sequence number of the audit row */
            id: string;
            /** Format: date-time */
            occurredAt: string;
            /**
             * @description The audit action: appeal.viewed, personal_data.view (a reveal), attachment.download / attachment.preview
             * @example personal_data.view
             */
            action: string;
            /** @description view: a staff member opened the appeal card (texts, masked contacts); reveal: contact details revealed; download / preview: a file opened */
            kind: components["schemas"]["PersonalDataAccessKind"];
            /** @description The appeal number the access was made for */
            appealNumber: string | null;
            /** @description The reason the staff member gave */
            reason: string | null;
            /** @description What was revealed (field names, never values) */
            fields: string[];
            /** Format: uuid */
            actorId: string | null;
            actorRole: string | null;
            actorName: string | null;
            actorPosition: string | null;
            /** Format: uuid */
            departmentId: string | null;
            departmentName: string | null;
            ip: string | null;
        };
        PersonalDataAccessPageDto: {
            items: components["schemas"]["PersonalDataAccessDto"][];
            nextCursor: string | null;
        };
        MyPersonalDataAccessDto: {
            /** Format: date-time */
            occurredAt: string;
            /** @example personal_data.view */
            action: string;
            /** @description view: a staff member opened the appeal card (texts, masked contacts); reveal: contact details revealed; download / preview: a file opened */
            kind: components["schemas"]["PersonalDataAccessKind"];
            appealNumber: string | null;
            /** @description What was seen or revealed (field names) */
            fields: string[];
            /** @description The department of the staff member */
            departmentName: string | null;
            position: string | null;
            /** @description Staff name: only when the policy (PD_ACCESS_SHOW_STAFF_NAMES) allows; null otherwise */
            staffName: string | null;
        };
        MyPersonalDataAccessPageDto: {
            items: components["schemas"]["MyPersonalDataAccessDto"][];
            nextCursor: string | null;
        };
        /** @enum {string} */
        EventDeliveryStatus: "dead" | "pending" | "done" | "discarded";
        EventDeliveryDto: {
            /** @description Outbox event id */
            eventId: string;
            /** @example appeal.answered */
            eventType: string;
            /**
             * Format: uuid
             * @description The appeal the event is about
             */
            aggregateId: string | null;
            /** @example notifications.email */
            consumer: string;
            status: components["schemas"]["EventDeliveryStatus"];
            attempts: number;
            /** Format: date-time */
            nextAttemptAt: string;
            lastError: string | null;
            /** Format: date-time */
            createdAt: string;
            /** Format: date-time */
            doneAt: string | null;
        };
        EventDeliveryPageDto: {
            items: components["schemas"]["EventDeliveryDto"][];
            nextCursor: string | null;
        };
        RetryEventDeliveriesDto: {
            /** @description Outbox event ids; absent: every dead letter (of the consumer, if given) */
            eventIds?: string[];
            /** @example notifications.email */
            consumer?: string;
        };
        RetryEventDeliveriesResultDto: {
            /** @description Dead letters put back to pending (dispatched at once) */
            retried: number;
        };
        DiscardEventDeliveriesDto: {
            /** @description Outbox event ids of the dead letters to discard (at least one: there is no «discard all») */
            eventIds: string[];
            /**
             * @description Only this consumer's deliveries of those events
             * @example notifications.email
             */
            consumer?: string;
        };
        DiscardEventDeliveriesResultDto: {
            /** @description Dead letters marked discarded (kept as records, never run again) */
            discarded: number;
        };
        QueueBoardDto: {
            /** @description Bull Board runs with Redis (BullMQ) only; false in the embedded mode */
            available: boolean;
            /**
             * @description Where the board is, when available
             * @example /api/v1/admin/queue-board/
             */
            url: string | null;
        };
        QueueBoardSessionDto: {
            /** @example /api/v1/admin/queue-board/ */
            url: string;
            /** Format: date-time */
            expiresAt: string;
        };
        TokensDto: {
            accessToken: string;
            refreshToken: string;
            /** @description Access token lifetime in seconds */
            expiresIn: number;
            /** @enum {string} */
            tokenType: "Bearer";
        };
        /** @enum {string} */
        MfaMethod: "totp" | "sms" | "email" | "backup_code";
        /**
         * @description Present when the account must enrol a second factor before it gets a session (staff without one under STAFF_MFA=required): the e-mail code goes to POST /auth/mfa/enrolment instead of POST /auth/mfa.
         * @enum {string}
         */
        MfaEnrolment: "totp";
        MfaRequiredDto: {
            /** @enum {boolean} */
            mfaRequired: true;
            /** @description Short-lived token for POST /auth/mfa and /auth/mfa/sms */
            mfaToken: string;
            methods: components["schemas"]["MfaMethod"][];
            /** @description Where a code was sent right away (e-mail fallback for staff without a factor) */
            codeSentTo: string | null;
            /** @description Present when the account must enrol a second factor before it gets a session (staff without one under STAFF_MFA=required): the e-mail code goes to POST /auth/mfa/enrolment instead of POST /auth/mfa. */
            enrolment?: components["schemas"]["MfaEnrolment"];
        };
        LoginDto: {
            /**
             * @description E-mail of the account
             * @example citizen@demo.otklik.local
             */
            login: string;
            /** Format: password */
            password: string;
        };
        MfaVerifyDto: {
            mfaToken: string;
            /** @description TOTP code, SMS/e-mail code (6 digits) or a backup code */
            code: string;
        };
        BeginEnrolmentDto: {
            /** @description The mfaToken of POST /auth/login */
            mfaToken: string;
            /** @description The code sent by e-mail at sign-in */
            code: string;
        };
        SignInEnrolmentDto: {
            /** @description Short-lived, single-use token for POST /auth/mfa/enrolment/confirm */
            enrolmentToken: string;
            /** @example otpauth://totp/Otklik:user%40example.ru?secret=... */
            otpauthUri: string;
            /** @description The otpauth URI as a PNG QR code data URL */
            qrDataUrl: string;
        };
        ConfirmEnrolmentDto: {
            enrolmentToken: string;
            /**
             * @description A code from the authenticator app
             * @example 123456
             */
            code: string;
        };
        EnrolledTokensDto: {
            accessToken: string;
            refreshToken: string;
            /** @description Access token lifetime in seconds */
            expiresIn: number;
            /** @enum {string} */
            tokenType: "Bearer";
            /** @description 10 single-use backup codes; shown once */
            backupCodes: string[];
        };
        MfaTokenDto: {
            mfaToken: string;
        };
        CodeSentDto: {
            /**
             * @description Masked phone or e-mail the code went to
             * @example +7 916 ***-**-67
             */
            codeSentTo: string;
            /** Format: date-time */
            expiresAt: string;
        };
        CaptchaChallengeDto: {
            /** @enum {string} */
            algorithm: "SHA-1" | "SHA-256" | "SHA-512";
            challenge: string;
            maxnumber: number;
            salt: string;
            signature: string;
        };
        PdConsentDto: {
            /**
             * @description Version of the personal-data processing consent text shown
             * @example 2026-01
             */
            version: string;
            /** @description Must be true: a separate consent (152-ФЗ) */
            accepted: boolean;
        };
        RegisterDto: {
            /** @example Иванова */
            lastName: string;
            /** @example Мария */
            firstName: string;
            /** @example Петровна */
            middleName?: string;
            /**
             * Format: date
             * @example 1990-05-17
             */
            birthDate: string;
            /**
             * @description СНИЛС: 112-233-445 95 or 11 digits; SNILS or INN is required
             * @example 112-233-445 95
             */
            snils?: string;
            /**
             * @description ИНН of the person (12 digits)
             * @example 500100732259
             */
            inn?: string;
            /**
             * @description Mobile phone +7XXXXXXXXXX
             * @example +79161234567
             */
            phone: string;
            /** @example maria@example.ru */
            email: string;
            /** Format: password */
            password: string;
            /** @description ALTCHA payload (base64) solving GET /auth/captcha */
            captcha: string;
            pdConsent: components["schemas"]["PdConsentDto"];
        };
        RegistrationStartedDto: {
            /** Format: uuid */
            registrationId: string;
            /** @example +7 916 ***-**-67 */
            codeSentTo: string;
            /**
             * Format: date-time
             * @description The registration lapses unless confirmed by then
             */
            expiresAt: string;
        };
        ResendRegistrationCodeDto: {
            /** Format: uuid */
            registrationId: string;
        };
        ConfirmRegistrationDto: {
            /** Format: uuid */
            registrationId: string;
            /** @example 123456 */
            code: string;
        };
        /** @enum {string} */
        CodeChannel: "sms" | "email";
        ForgotPasswordDto: {
            /** @description E-mail or +7 phone of the account */
            login: string;
            channel: components["schemas"]["CodeChannel"];
        };
        ResetPasswordDto: {
            login: string;
            code: string;
            /** Format: password */
            newPassword: string;
        };
        ExpiredPasswordDto: {
            /** Format: password */
            currentPassword: string;
            /** Format: password */
            newPassword: string;
            login: string;
        };
        RefreshDto: {
            /** @description The refresh token from the last login or refresh */
            refreshToken: string;
        };
        /** @enum {string} */
        ContactKind: "email" | "phone";
        ConfirmContactDto: {
            kind: components["schemas"]["ContactKind"];
            /** @example 123456 */
            code: string;
        };
        ChangePasswordDto: {
            /** Format: password */
            currentPassword: string;
            /** Format: password */
            newPassword: string;
        };
        TotpEnrolmentDto: {
            /** @example otpauth://totp/Otklik:user%40example.ru?secret=... */
            otpauthUri: string;
            /** @description The otpauth URI as a PNG QR code data URL */
            qrDataUrl: string;
        };
        TotpConfirmDto: {
            /** @example 123456 */
            code: string;
        };
        BackupCodesDto: {
            /** @description 10 single-use codes; shown once */
            backupCodes: string[];
        };
        DisableMfaDto: {
            /** Format: password */
            password: string;
        };
        SessionDto: {
            /**
             * Format: uuid
             * @description Session (refresh-token family) id
             */
            id: string;
            /** Format: date-time */
            createdAt: string;
            /** Format: date-time */
            lastUsedAt: string;
            ip: string | null;
            userAgent: string | null;
            current: boolean;
        };
        RevokedSessionsDto: {
            revoked: number;
        };
        /** @enum {string} */
        StaffRole: "operator" | "supervisor" | "admin" | "auditor";
        /** @enum {string} */
        StaffStatus: "invited" | "active" | "locked";
        /** @enum {string} */
        Role: "citizen" | "operator" | "supervisor" | "admin" | "auditor";
        StaffAccountDto: {
            /** Format: uuid */
            id: string;
            email: string;
            fullName: string;
            position: string | null;
            role: components["schemas"]["Role"];
            /** Format: uuid */
            departmentId: string | null;
            /** @description invited: no password set yet; locked: sign-in refused and sessions ended */
            status: components["schemas"]["StaffStatus"];
            /** Format: date-time */
            lockedAt: string | null;
            /** @description Why: `admin` (locked by an admin) or the alert kind that locked it */
            lockReason: string | null;
            /** @description A second factor is enrolled */
            mfaEnrolled: boolean;
            /** @description Networks (addresses or CIDRs) the account may work from; empty: anywhere */
            ipAllowList: string[];
            /** Format: date-time */
            lastSignInAt: string | null;
            /** Format: date-time */
            createdAt: string;
        };
        StaffAccountPageDto: {
            items: components["schemas"]["StaffAccountDto"][];
            nextCursor: string | null;
        };
        StaffAccountInputDto: {
            /** @example i.petrova@body.gov.ru */
            email: string;
            /** @example Петрова Ирина Сергеевна */
            fullName: string;
            position?: string | null;
            role: components["schemas"]["StaffRole"];
            /**
             * Format: uuid
             * @description Required for operators and supervisors; none for admins and auditors
             */
            departmentId?: string | null;
            /**
             * @description Addresses or CIDRs; empty: anywhere
             * @example [
             *       "10.0.0.0/8"
             *     ]
             */
            ipAllowList?: string[];
        };
        StaffAccountDetailDto: {
            /** Format: uuid */
            id: string;
            email: string;
            fullName: string;
            position: string | null;
            role: components["schemas"]["Role"];
            /** Format: uuid */
            departmentId: string | null;
            /** @description invited: no password set yet; locked: sign-in refused and sessions ended */
            status: components["schemas"]["StaffStatus"];
            /** Format: date-time */
            lockedAt: string | null;
            /** @description Why: `admin` (locked by an admin) or the alert kind that locked it */
            lockReason: string | null;
            /** @description A second factor is enrolled */
            mfaEnrolled: boolean;
            /** @description Networks (addresses or CIDRs) the account may work from; empty: anywhere */
            ipAllowList: string[];
            /** Format: date-time */
            lastSignInAt: string | null;
            /** Format: date-time */
            createdAt: string;
            /** @description Live sessions (refresh-token families), newest first */
            sessions: components["schemas"]["SessionDto"][];
            /**
             * Format: date-time
             * @description When the pending invitation expires (null: none pending)
             */
            invitationExpiresAt: string | null;
        };
        StaffAccountPatchDto: {
            fullName?: string;
            position?: string | null;
            /** @description A change ends the account’s sessions (the token carries the role) */
            role?: components["schemas"]["StaffRole"];
            /**
             * Format: uuid
             * @description A change ends the account’s sessions
             */
            departmentId?: string | null;
            /** @description Addresses or CIDRs; empty: anywhere. A change ends the account’s sessions */
            ipAllowList?: string[];
        };
        StaffLockDto: {
            /** @description Why (kept in the audit log) */
            reason?: string;
        };
        AccountLinkSentDto: {
            /** Format: date-time */
            expiresAt: string;
            /** @description The e-mail was handed to the mail server (false: delivery failed, send again) */
            mailed: boolean;
        };
        AccountLinkAcceptDto: {
            /** @description The token from the e-mailed link (the part after #) */
            token: string;
            /** @description The new password (the password policy applies) */
            newPassword: string;
        };
        AccountLinkEnrolmentDto: {
            /** @description Short-lived, single-use token for POST /auth/mfa/enrolment/confirm */
            enrolmentToken: string;
            otpauthUri: string;
            /** @description The otpauth URI as a PNG QR code data URL */
            qrDataUrl: string;
        };
        AccountLinkAcceptedDto: {
            /** @description The account’s sign-in e-mail */
            email: string;
            /** @description Present when the account must now enrol TOTP: confirm with POST /auth/mfa/enrolment/confirm, which signs in */
            enrolment?: components["schemas"]["AccountLinkEnrolmentDto"] | null;
        };
        DepartmentDto: {
            /** Format: uuid */
            id: string;
            code: string;
            nameRu: string;
            nameEn: string;
            /** Format: uuid */
            parentId: string | null;
            isGeneralPool: boolean;
        };
        /**
         * @description ESIA trust level of an account that came from (or is linked to) ESIA; null for local accounts
         * @enum {string}
         */
        TrustLevel: "confirmed" | "standard" | "simplified";
        /**
         * @description Default channel of answers (a new appeal takes it unless it names its own)
         * @enum {string}
         */
        AnswerChannel: "cabinet" | "email" | "post";
        MeDto: {
            /** Format: uuid */
            id: string;
            email: string;
            fullName: string;
            role: components["schemas"]["Role"];
            position: string | null;
            department: components["schemas"]["DepartmentDto"] | null;
            /** @description ESIA trust level of an account that came from (or is linked to) ESIA; null for local accounts */
            trustLevel: components["schemas"]["TrustLevel"] | null;
            /** @description The e-mail was proved by a code sent to it; an unverified address gets no notices */
            emailVerified: boolean;
            /** @description The phone was proved by an SMS code */
            phoneVerified: boolean;
            /** @description Default channel of answers (a new appeal takes it unless it names its own) */
            preferredAnswerChannel: components["schemas"]["AnswerChannel"];
        };
        UpdateMeDto: {
            /** @example Иванова */
            lastName?: string;
            /** @example Мария */
            firstName?: string;
            /**
             * @description An empty string removes the middle name
             * @example Петровна
             */
            middleName?: string;
            /** @description A new e-mail: a code goes to it, the old one is told; the current one again: a new verification code */
            email?: string;
            /** @description A new mobile phone +7XXXXXXXXXX: an SMS code goes to it, the old one is told */
            phone?: string;
            preferredAnswerChannel?: components["schemas"]["AnswerChannel"];
        };
        PendingContactChangeDto: {
            kind: components["schemas"]["ContactKind"];
            /** @description The new address, masked */
            to: string;
            /** Format: date-time */
            expiresAt: string;
        };
        ProfileDto: {
            /** Format: uuid */
            id: string;
            email: string;
            fullName: string;
            role: components["schemas"]["Role"];
            position: string | null;
            department: components["schemas"]["DepartmentDto"] | null;
            /** @description ESIA trust level of an account that came from (or is linked to) ESIA; null for local accounts */
            trustLevel: components["schemas"]["TrustLevel"] | null;
            /** @description The e-mail was proved by a code sent to it; an unverified address gets no notices */
            emailVerified: boolean;
            /** @description The phone was proved by an SMS code */
            phoneVerified: boolean;
            /** @description Default channel of answers (a new appeal takes it unless it names its own) */
            preferredAnswerChannel: components["schemas"]["AnswerChannel"];
            pendingContactChanges: components["schemas"]["PendingContactChangeDto"][];
        };
        /** @enum {string} */
        AppealType: "complaint" | "suggestion" | "question" | "gratitude" | "petition" | "decision_appeal";
        AppealTypeDto: {
            code: components["schemas"]["AppealType"];
            nameRu: string;
            nameEn: string;
            /** @description False for types that are created only from another appeal (decision_appeal) */
            intake: boolean;
        };
        CategoryDto: {
            /** Format: uuid */
            id: string;
            code: string;
            nameRu: string;
            nameEn: string;
            /** @description Appeal types the category serves */
            appealTypes: components["schemas"]["AppealType"][];
            /**
             * Format: uuid
             * @description Department appeals of this category are routed to; null → general pool
             */
            departmentId: string | null;
            /** @description Priority category: first reaction within 2 hours */
            priority: boolean;
            /** @description JSON Schema of the extra fields validated at intake */
            extraFieldsSchema: {
                [key: string]: unknown;
            } | null;
            /** @description Version of extraFieldsSchema; an appeal records the version it was filed under */
            schemaVersion: number | null;
            children: components["schemas"]["CategoryDto"][];
        };
        AdminCategoryDto: {
            /** Format: uuid */
            id: string;
            /**
             * Format: uuid
             * @description The parent category of a subcategory
             */
            parentId: string | null;
            code: string;
            nameRu: string;
            nameEn: string;
            /**
             * @description ТОТК classifier code
             * @example 0003.0011.0120.0709
             */
            totkCode: string | null;
            /** @description Appeal types the category serves */
            appealTypes: components["schemas"]["AppealType"][];
            /**
             * Format: uuid
             * @description Department its appeals are routed to; null → the parent’s, else the general pool
             */
            departmentId: string | null;
            priority: boolean;
            /** @description Position among its siblings */
            sortOrder: number;
            /** @description False once retired: not offered for filing; appeals filed under it keep it */
            active: boolean;
            /** @description Current JSON Schema of the extra fields */
            extraFieldsSchema: {
                [key: string]: unknown;
            } | null;
            /** @description Version of extraFieldsSchema; appeals record the version they were filed under */
            schemaVersion: number | null;
        };
        CreateCategoryDto: {
            /**
             * @description Stable code (reports, Open311); cannot be changed later
             * @example land_plots
             */
            code: string;
            nameRu: string;
            nameEn: string;
            /**
             * Format: uuid
             * @description Makes it a subcategory of this top-level category
             */
            parentId?: string | null;
            /** @description Null or absent: every intake type except gratitude */
            appealTypes?: components["schemas"]["AppealType"][] | null;
            /** Format: uuid */
            departmentId?: string | null;
            /** @default false */
            priority?: boolean;
            /** @example 0003.0011.0120.0709 */
            totkCode?: string | null;
            /** @description JSON Schema of the extra fields (becomes version 1) */
            extraFieldsSchema?: {
                [key: string]: unknown;
            } | null;
        };
        ReorderCategoriesDto: {
            /**
             * Format: uuid
             * @description Whose children are reordered; null: the top-level categories
             */
            parentId: string | null;
            /** @description Every child of the parent (retired ones too), in the new order */
            ids: string[];
        };
        CategoryOrderDto: {
            /** Format: uuid */
            parentId: string | null;
            ids: string[];
        };
        UpdateCategoryDto: {
            nameRu?: string;
            nameEn?: string;
            /** @description Null: every intake type except gratitude */
            appealTypes?: components["schemas"]["AppealType"][] | null;
            /**
             * Format: uuid
             * @description Null: the parent’s department, else the general pool
             */
            departmentId?: string | null;
            priority?: boolean;
            totkCode?: string | null;
        };
        CategorySchemaInputDto: {
            /** @description JSON Schema (type object) of the extra fields; null removes them. A different schema becomes a new version; the same one changes nothing. */
            schema: {
                [key: string]: unknown;
            } | null;
        };
        CategorySchemaVersionDto: {
            version: number;
            schema: {
                [key: string]: unknown;
            };
            /** Format: date-time */
            createdAt: string;
            /** Format: uuid */
            createdBy: string | null;
        };
        SetTotkCodeDto: {
            /**
             * @description ТОТК code (four-digit groups separated by dots); null clears it
             * @example 0003.0011.0120.0709
             */
            totkCode: string | null;
        };
        CategoryCodeDto: {
            /** Format: uuid */
            id: string;
            /** Format: uuid */
            parentId: string | null;
            code: string;
            nameRu: string;
            /**
             * @description ТОТК classifier code
             * @example 0003.0011.0120.0709
             */
            totkCode: string | null;
        };
        /** @enum {string} */
        IntakeAppealType: "complaint" | "suggestion" | "question" | "gratitude" | "petition";
        /** @enum {string} */
        AppealPriority: "low" | "normal" | "high";
        ContactDto: {
            /**
             * @description Mobile phone, +7 and 10 digits
             * @example +79161234567
             */
            phone?: string;
            /** @example ivanov@example.ru */
            email?: string;
            /** @example 101000, г. Москва, ул. Мясницкая, д. 1, кв. 2 */
            address?: string;
        };
        OrganisationDto: {
            /** @example ООО «Ромашка» */
            name: string;
            /**
             * @description ИНН of the organisation: 10 digits with its check digit
             * @example 7707083893
             */
            inn: string;
            /**
             * @description ОГРН: 13 digits with its check digit
             * @example 1027700132195
             */
            ogrn: string;
            /**
             * @description The representative's authority
             * @example доверенность № 12 от 01.12.2026
             */
            representativeBasis?: string;
        };
        CreateAppealDto: {
            type: components["schemas"]["IntakeAppealType"];
            /** Format: uuid */
            categoryId: string;
            /** Format: uuid */
            subcategoryId?: string;
            subject: string;
            /** @description The appeal text; at most 5000 characters after trimming */
            text: string;
            /** @default normal */
            priority?: components["schemas"]["AppealPriority"];
            /**
             * Format: date
             * @description Desired answer date (YYYY-MM-DD), today or later
             */
            desiredAnswerDate?: string;
            /** @description Fields required by the category's JSON Schema */
            extraFields?: {
                [key: string]: unknown;
            };
            contact?: components["schemas"]["ContactDto"];
            /** @description Filed for a legal entity, the author being its representative */
            organisation?: components["schemas"]["OrganisationDto"];
            /** @description How to deliver the answer; default: the profile's preferredAnswerChannel. post needs contact.address */
            answerChannel?: components["schemas"]["AnswerChannel"];
            /**
             * Format: uuid
             * @description A gratitude only: the employee thanked, one of GET /me/thankable-staff
             */
            thankedStaffId?: string;
            /**
             * @description Save as a draft (no number, not registered)
             * @default false
             */
            draft?: boolean;
            /** @description Ids of own unattached uploads (POST /attachments) to attach */
            attachmentIds?: string[];
        };
        /** @enum {string} */
        AppealStatus: "draft" | "registered" | "in_progress" | "awaiting_approval" | "awaiting_citizen" | "resolved" | "rejected" | "closed" | "withdrawn";
        AppealSummaryDto: {
            /** Format: uuid */
            id: string;
            /** @description Human number; null for a draft */
            number: number | null;
            type: components["schemas"]["AppealType"];
            status: components["schemas"]["AppealStatus"];
            subject: string;
            /** Format: uuid */
            categoryId: string;
            /** Format: uuid */
            subcategoryId: string | null;
            priority: components["schemas"]["AppealPriority"];
            important: boolean;
            overdue: boolean;
            /** @description Escalated (overdue → parent department, or turned to management by the citizen) */
            escalated: boolean;
            /**
             * Format: uuid
             * @description The department the escalation went to; its staff see the appeal in GET /staff/appeals?escalated=true and oversee it
             */
            escalatedToDepartmentId: string | null;
            /** @description The deadline was extended (once per appeal) */
            extended: boolean;
            /** @description Filed without an account (unidentified feedback) */
            unidentified: boolean;
            /** @description No answer on the merits is given (59-ФЗ ст. 11) */
            noAnswerRequired: boolean;
            /** Format: uuid */
            departmentId: string | null;
            /** Format: uuid */
            assigneeId: string | null;
            /** Format: date-time */
            createdAt: string;
            /** Format: date-time */
            registeredAt: string | null;
            /** Format: date-time */
            dueAt: string | null;
            /**
             * Format: uuid
             * @description The appeal this one disputes or re-files
             */
            parentAppealId: string | null;
            /** @description How the citizen wants the answer (post: printed from the signed PDF and posted) */
            answerChannel: components["schemas"]["AnswerChannel"];
            /** @description Row version: send it back as expectedVersion to act only on what you saw */
            version: number;
            /** @description Search rank, when the list was searched with q */
            rank?: number;
        };
        AppealListDto: {
            items: components["schemas"]["AppealSummaryDto"][];
            /** @description Opaque cursor of the next page; null on the last page */
            nextCursor: string | null;
            /** @description Every matching appeal (staff list with withTotal=true) */
            total?: number;
        };
        AppealPrefillDto: {
            type?: components["schemas"]["AppealType"];
            /** Format: uuid */
            categoryId?: string;
            /** Format: uuid */
            subcategoryId?: string;
            subject?: string;
            text?: string;
            priority?: components["schemas"]["AppealPriority"];
            extraFields?: {
                [key: string]: unknown;
            };
            /** @description What it was filled from: profile, template:<id> or appeal:<id> */
            source: string;
            /** @description The citizen's confirmed contacts from the profile */
            contact?: components["schemas"]["ContactDto"];
            /** @description The default channel of the answer (from the profile) */
            answerChannel?: components["schemas"]["AnswerChannel"];
        };
        ContactViewDto: {
            /** @description The applicant an operator registered the appeal for (masked to initials on the card) */
            fullName?: string;
            phone?: string;
            email?: string;
            address?: string;
        };
        AppealDepartmentDto: {
            /** Format: uuid */
            id: string;
            /** @description The name in the requested language */
            name: string;
            nameRu: string;
            nameEn: string;
        };
        AppealExecutorDto: {
            position: string | null;
            /** @description The executor's full name; null for a citizen when CITIZEN_SEES_EXECUTOR_NAME=false */
            name: string | null;
        };
        /** @enum {string} */
        AppealClockState: "none" | "running" | "awaiting_citizen" | "stopped";
        AppealTermDto: {
            state: components["schemas"]["AppealClockState"];
            /**
             * Format: date-time
             * @description The current due date (moves on by the pause when the clock resumes)
             */
            dueAt: string | null;
            /**
             * Format: date-time
             * @description Since when the clock is paused
             */
            pausedSince: string | null;
            /**
             * Format: date
             * @description The requested documents are due by this date
             */
            documentsDueOn: string | null;
            extended: boolean;
            /** @description The reason given for the extension */
            extensionReason: string | null;
            overdue: boolean;
        };
        /**
         * @description Staff only: what the supervisor's re-review concluded
         * @enum {string}
         */
        ReviewOutcome: "upheld" | "reopened";
        /** @enum {string} */
        AnswerResult: "done" | "refused" | "clarification_needed";
        AnswerExecutorDto: {
            name: string;
            position: string | null;
            workPhone: string | null;
        };
        AnswerDto: {
            /** Format: uuid */
            id: string;
            result: components["schemas"]["AnswerResult"];
            resultCode: number;
            text: string;
            reason: string | null;
            /** Format: date-time */
            answeredAt: string;
            executor: components["schemas"]["AnswerExecutorDto"];
        };
        /**
         * @description What the citizen may do now
         * @enum {string}
         */
        CitizenAction: "submit" | "edit" | "withdraw" | "close" | "mark-important" | "unmark-important" | "request-clarification" | "reopen" | "dispute" | "resubmit" | "escalate" | "rate" | "add-materials";
        /**
         * @description What the staff member may do now
         * @enum {string}
         */
        StaffAction: "take" | "assign" | "request-documents" | "send-for-approval" | "approve" | "redirect" | "extend" | "no-answer-required" | "terminate-correspondence" | "reopen" | "answer" | "propose-termination" | "propose-extension" | "propose-no-answer" | "approve-proposal" | "return-proposal" | "return-answer" | "record-review" | "escalate" | "reclassify";
        /** @enum {string} */
        ProposableAction: "terminate-correspondence" | "extend" | "no-answer-required";
        /** @enum {string} */
        NoAnswerGround: "no_surname_or_address" | "court_decision" | "obscene_or_threats" | "unreadable" | "essence_unclear" | "answer_published" | "secret_protected_by_law";
        PendingProposalDto: {
            action: components["schemas"]["ProposableAction"];
            /** @description The operator's reasoning */
            reason: string;
            /** Format: uuid */
            proposedBy: string;
            proposedByName: string;
            /** Format: date-time */
            proposedAt: string;
            grounds: components["schemas"]["NoAnswerGround"] | null;
            /** @description terminate-correspondence: the earlier appeals the proposal names (as the operator gave them) */
            repeatsAppealIds: string[];
            days: number | null;
            /** @description The notice the operator wrote (null: the statutory text) */
            noticeText: string | null;
        };
        /** @enum {string} */
        HistoryEvent: "created" | "submitted" | "rechecked" | "withdrawn" | "closed" | "marked_important" | "unmarked_important" | "taken" | "assigned" | "documents_requested" | "sent_for_approval" | "approved" | "redirected" | "extended" | "no_answer_required" | "correspondence_terminated" | "reopened" | "answered" | "proposal_made" | "proposal_returned" | "reviewed" | "reclassified" | "clarification_requested" | "disputed" | "resubmitted" | "escalated" | "rated" | "materials_added" | "overdue" | "auto_closed" | "merged" | "answer_printed";
        HistoryEntryDto: {
            /** Format: uuid */
            id: string;
            event: components["schemas"]["HistoryEvent"];
            /** @description Label of the event in the requested language */
            label: string;
            fromStatus: components["schemas"]["AppealStatus"] | null;
            toStatus: components["schemas"]["AppealStatus"];
            actorName: string;
            actorPosition: string | null;
            /** @description citizen, operator, supervisor, admin or system */
            actorRole: string;
            comment: string | null;
            /** Format: date-time */
            at: string;
        };
        MessageDto: {
            /** Format: uuid */
            id: string;
            text: string;
            authorRole: components["schemas"]["Role"];
            authorName: string;
            /** @description Internal staff note (never shown to the citizen) */
            internal: boolean;
            /** Format: date-time */
            createdAt: string;
        };
        /**
         * @description Downloadable when clean or not_scanned
         * @enum {string}
         */
        AttachmentScanStatus: "pending" | "clean" | "infected" | "failed" | "not_scanned";
        AttachmentDto: {
            /** Format: uuid */
            id: string;
            /** @description The normalised name the file is served under */
            name: string;
            /** @description The name as uploaded, for display */
            originalName: string;
            /** @description Bytes */
            size: number;
            /** @description The type found in the content, e.g. application/pdf, text/plain; charset=windows-1251 */
            contentType: string;
            /** @description SHA-256 of the content, hex */
            sha256: string;
            /** @description Downloadable when clean or not_scanned */
            scanStatus: components["schemas"]["AttachmentScanStatus"];
            /** @description A thumbnail is available at /attachments/{id}/preview */
            hasPreview: boolean;
            /**
             * Format: uuid
             * @description The appeal it is attached to; null until bound
             */
            appealId: string | null;
            /** Format: uuid */
            messageId: string | null;
            /** Format: uuid */
            answerId: string | null;
            /** Format: date-time */
            createdAt: string;
        };
        /**
         * @description How the appeal came
         * @enum {string}
         */
        AppealChannel: "account" | "anonymous" | "phone" | "email" | "post" | "in_person";
        OrganisationViewDto: {
            name: string;
            /** @description ИНН, 10 digits */
            inn: string;
            /** @description ОГРН, 13 digits */
            ogrn: string;
            representativeBasis?: string;
        };
        AppealDto: {
            /** Format: uuid */
            id: string;
            /** @description Human number; null for a draft */
            number: number | null;
            type: components["schemas"]["AppealType"];
            status: components["schemas"]["AppealStatus"];
            subject: string;
            /** Format: uuid */
            categoryId: string;
            /** Format: uuid */
            subcategoryId: string | null;
            priority: components["schemas"]["AppealPriority"];
            important: boolean;
            overdue: boolean;
            /** @description Escalated (overdue → parent department, or turned to management by the citizen) */
            escalated: boolean;
            /**
             * Format: uuid
             * @description The department the escalation went to; its staff see the appeal in GET /staff/appeals?escalated=true and oversee it
             */
            escalatedToDepartmentId: string | null;
            /** @description The deadline was extended (once per appeal) */
            extended: boolean;
            /** @description Filed without an account (unidentified feedback) */
            unidentified: boolean;
            /** @description No answer on the merits is given (59-ФЗ ст. 11) */
            noAnswerRequired: boolean;
            /** Format: uuid */
            departmentId: string | null;
            /** Format: uuid */
            assigneeId: string | null;
            /** Format: date-time */
            createdAt: string;
            /** Format: date-time */
            registeredAt: string | null;
            /** Format: date-time */
            dueAt: string | null;
            /**
             * Format: uuid
             * @description The appeal this one disputes or re-files
             */
            parentAppealId: string | null;
            /** @description How the citizen wants the answer (post: printed from the signed PDF and posted) */
            answerChannel: components["schemas"]["AnswerChannel"];
            /** @description Row version: send it back as expectedVersion to act only on what you saw */
            version: number;
            /** @description Search rank, when the list was searched with q */
            rank?: number;
            text: string;
            /** Format: date */
            desiredAnswerDate: string | null;
            extraFields: {
                [key: string]: unknown;
            };
            /** @description Version of the category’s extra-field schema the appeal was filed under */
            extraFieldsSchemaVersion: number | null;
            /** @description Masked for staff */
            contact: components["schemas"]["ContactViewDto"] | null;
            /** Format: date-time */
            firstResponseDueAt: string | null;
            /** Format: date-time */
            closedAt: string | null;
            /** Format: date-time */
            updatedAt: string;
            /** Format: date-time */
            firstReactionAt: string | null;
            /** Format: date-time */
            answeredAt: string | null;
            /** @description Staff only: the assignee's full name */
            assigneeName?: string | null;
            /** @description The handling department, by name */
            department: components["schemas"]["AppealDepartmentDto"] | null;
            /** @description The executor, once assigned */
            executor: components["schemas"]["AppealExecutorDto"] | null;
            /** @description The current term and what the clock waits for */
            term: components["schemas"]["AppealTermDto"];
            /** @description A gratitude: the employee thanked */
            thankedEmployee: components["schemas"]["AppealExecutorDto"] | null;
            /** @description Staff only: the answer goes by post and is ready to print (GET /appeals/{id}/answer?format=pdf, signed) */
            printAnswer?: boolean;
            /**
             * Format: date-time
             * @description Staff only: when the postal answer was marked printed (POST /staff/appeals/{id}/answer-printed)
             */
            answerPrintedAt?: string | null;
            /** @description The SLA clock is paused (awaiting the citizen) */
            slaPaused: boolean;
            /**
             * Format: date
             * @description Requested documents are due by this date
             */
            documentsDueOn: string | null;
            /** @description Correspondence terminated (59-ФЗ ст. 11 ч. 5) */
            correspondenceTerminated: boolean;
            /** @description Clarification requests, reopenings and disputes so far */
            unsuccessfulRounds: number;
            rating: number | null;
            ratingComment: string | null;
            /** @description Staff only: on the supervisor re-review list */
            rereview?: boolean;
            /** @description Staff only: what the supervisor's re-review concluded */
            reviewOutcome?: components["schemas"]["ReviewOutcome"] | null;
            /**
             * Format: date-time
             * @description Staff only: when the re-review was recorded
             */
            reviewedAt?: string | null;
            /**
             * Format: date-time
             * @description Staff only: «передано в СЭД» — when a receipt of the document-management export named the appeal
             */
            transferredToSedAt?: string | null;
            /** @description Staff only: the number the СЭД registered the appeal under */
            sedRegistrationNumber?: string | null;
            /** @description The latest answer */
            answer: components["schemas"]["AnswerDto"] | null;
            /** @description What the citizen may do now */
            allowedActions: components["schemas"]["CitizenAction"][];
            /** @description What the staff member may do now */
            allowedStaffActions: components["schemas"]["StaffAction"][];
            /** @description Staff only: the proposal awaiting the supervisor's decision */
            pendingProposal?: components["schemas"]["PendingProposalDto"] | null;
            history: components["schemas"]["HistoryEntryDto"][];
            messages: components["schemas"]["MessageDto"][];
            /** @description Files of the appeal, its messages and answers (a citizen does not see those of internal notes) */
            attachments: components["schemas"]["AttachmentDto"][];
            /** @description How the appeal came */
            channel?: components["schemas"]["AppealChannel"];
            /**
             * Format: date-time
             * @description When the body received an appeal an operator registered (its deadlines count from it)
             */
            receivedAt?: string | null;
            /** @description The legal entity the appeal is filed for */
            organisation?: components["schemas"]["OrganisationViewDto"] | null;
            /**
             * Format: uuid
             * @description The main appeal this one was merged into (it gets its answer)
             */
            mergedIntoAppealId?: string | null;
        };
        UpdateAppealDto: {
            type?: components["schemas"]["IntakeAppealType"];
            /** Format: uuid */
            categoryId?: string;
            /** Format: uuid */
            subcategoryId?: string;
            subject?: string;
            /** @description The appeal text; at most 5000 characters after trimming */
            text?: string;
            /** @default normal */
            priority?: components["schemas"]["AppealPriority"];
            /**
             * Format: date
             * @description Desired answer date (YYYY-MM-DD), today or later
             */
            desiredAnswerDate?: string;
            /** @description Fields required by the category's JSON Schema */
            extraFields?: {
                [key: string]: unknown;
            };
            contact?: components["schemas"]["ContactDto"];
            /** @description How to deliver the answer; default: the profile's preferredAnswerChannel. post needs contact.address */
            answerChannel?: components["schemas"]["AnswerChannel"];
            /**
             * Format: uuid
             * @description A gratitude only: the employee thanked, one of GET /me/thankable-staff
             */
            thankedStaffId?: string;
        };
        CreateMessageDto: {
            text: string;
            /**
             * @description Staff only: an internal note the citizen never sees
             * @default false
             */
            internal?: boolean;
            /** @description Ids of own unattached uploads to attach to the message */
            attachmentIds?: string[];
        };
        /**
         * @description How the appeal came
         * @enum {string}
         */
        StaffIntakeChannel: "phone" | "email" | "post" | "in_person";
        StaffApplicantDto: {
            /**
             * @description ФИО (59-ФЗ: a surname is needed for an answer)
             * @example Иванов Иван Иванович
             */
            fullName: string;
            /**
             * @description Mobile phone, +7 and 10 digits (the receipt goes by SMS to it)
             * @example +79161234567
             */
            phone?: string;
            /** @example ivanov@example.ru */
            email?: string;
            /**
             * @description Postal address
             * @example 101000, г. Москва, ул. Мясницкая, д. 1, кв. 2
             */
            address?: string;
            /**
             * @description СНИЛС, to find the citizen's account
             * @example 112-233-445 95
             */
            snils?: string;
        };
        StaffAppealInputDto: {
            type: components["schemas"]["IntakeAppealType"];
            /** Format: uuid */
            categoryId: string;
            /** Format: uuid */
            subcategoryId?: string;
            subject: string;
            /** @description The appeal text; at most 5000 characters after trimming */
            text: string;
            /** @default normal */
            priority?: components["schemas"]["AppealPriority"];
            /** @description Fields required by the category's JSON Schema */
            extraFields?: {
                [key: string]: unknown;
            };
            /** @description Filed for a legal entity, the author being its representative */
            organisation?: components["schemas"]["OrganisationDto"];
            /** @description How to deliver the answer; default: the profile's preferredAnswerChannel. post needs contact.address */
            answerChannel?: components["schemas"]["AnswerChannel"];
            /**
             * Format: uuid
             * @description A gratitude only: the employee thanked, one of GET /me/thankable-staff
             */
            thankedStaffId?: string;
            /** @description Ids of own unattached uploads (POST /attachments) to attach */
            attachmentIds?: string[];
            /** @description How the appeal came */
            channel: components["schemas"]["StaffIntakeChannel"];
            /**
             * @description When the body received it (the statutory term counts from it): not in the future, not older than INTAKE_RECEIVED_MAX_AGE_DAYS
             * @example 2026-12-04T10:30:00+03:00
             */
            receivedAt: string;
            applicant: components["schemas"]["StaffApplicantDto"];
            /**
             * Format: uuid
             * @description A department of the operator's own scope; absent: the routing rules decide, and an appeal routed outside the scope goes to the general pool
             */
            departmentId?: string;
        };
        StaffAppealReceiptDto: {
            /** Format: uuid */
            id: string;
            /** @description Human number; null for a draft */
            number: number | null;
            type: components["schemas"]["AppealType"];
            status: components["schemas"]["AppealStatus"];
            subject: string;
            /** Format: uuid */
            categoryId: string;
            /** Format: uuid */
            subcategoryId: string | null;
            priority: components["schemas"]["AppealPriority"];
            important: boolean;
            overdue: boolean;
            /** @description Escalated (overdue → parent department, or turned to management by the citizen) */
            escalated: boolean;
            /**
             * Format: uuid
             * @description The department the escalation went to; its staff see the appeal in GET /staff/appeals?escalated=true and oversee it
             */
            escalatedToDepartmentId: string | null;
            /** @description The deadline was extended (once per appeal) */
            extended: boolean;
            /** @description Filed without an account (unidentified feedback) */
            unidentified: boolean;
            /** @description No answer on the merits is given (59-ФЗ ст. 11) */
            noAnswerRequired: boolean;
            /** Format: uuid */
            departmentId: string | null;
            /** Format: uuid */
            assigneeId: string | null;
            /** Format: date-time */
            createdAt: string;
            /** Format: date-time */
            registeredAt: string | null;
            /** Format: date-time */
            dueAt: string | null;
            /**
             * Format: uuid
             * @description The appeal this one disputes or re-files
             */
            parentAppealId: string | null;
            /** @description How the citizen wants the answer (post: printed from the signed PDF and posted) */
            answerChannel: components["schemas"]["AnswerChannel"];
            /** @description Row version: send it back as expectedVersion to act only on what you saw */
            version: number;
            /** @description Search rank, when the list was searched with q */
            rank?: number;
            /**
             * @description A citizen's account found by СНИЛС, phone or e-mail, or an applicant without an account
             * @enum {string}
             */
            applicantKind: "citizen" | "unregistered";
        };
        /** @enum {string} */
        QueueView: "mine" | "unassigned" | "approval" | "overdue" | "dueSoon" | "escalated" | "rereview" | "all";
        /** @enum {string} */
        AppealDateField: "registeredAt" | "firstReactionAt" | "answeredAt" | "closedAt" | "ratedAt";
        /** @enum {string} */
        QueueSortKey: "number" | "type" | "category" | "subject" | "status" | "department" | "assignee" | "registeredAt" | "dueAt" | "firstResponseDueAt";
        DepartmentNameDto: {
            /** Format: uuid */
            id: string;
            nameRu: string;
            nameEn: string;
        };
        StaffAppealSummaryDto: {
            /** Format: uuid */
            id: string;
            /** @description Human number; null for a draft */
            number: number | null;
            type: components["schemas"]["AppealType"];
            status: components["schemas"]["AppealStatus"];
            subject: string;
            /** Format: uuid */
            categoryId: string;
            /** Format: uuid */
            subcategoryId: string | null;
            priority: components["schemas"]["AppealPriority"];
            important: boolean;
            overdue: boolean;
            /** @description Escalated (overdue → parent department, or turned to management by the citizen) */
            escalated: boolean;
            /**
             * Format: uuid
             * @description The department the escalation went to; its staff see the appeal in GET /staff/appeals?escalated=true and oversee it
             */
            escalatedToDepartmentId: string | null;
            /** @description The deadline was extended (once per appeal) */
            extended: boolean;
            /** @description Filed without an account (unidentified feedback) */
            unidentified: boolean;
            /** @description No answer on the merits is given (59-ФЗ ст. 11) */
            noAnswerRequired: boolean;
            /** Format: uuid */
            departmentId: string | null;
            /** Format: uuid */
            assigneeId: string | null;
            /** Format: date-time */
            createdAt: string;
            /** Format: date-time */
            registeredAt: string | null;
            /** Format: date-time */
            dueAt: string | null;
            /**
             * Format: uuid
             * @description The appeal this one disputes or re-files
             */
            parentAppealId: string | null;
            /** @description How the citizen wants the answer (post: printed from the signed PDF and posted) */
            answerChannel: components["schemas"]["AnswerChannel"];
            /** @description Row version: send it back as expectedVersion to act only on what you saw */
            version: number;
            /** @description Search rank, when the list was searched with q */
            rank?: number;
            department: components["schemas"]["DepartmentNameDto"] | null;
            assigneeName: string | null;
            /** @description The citizen's name masked (surname's first letter and initials); null when filed without an account */
            citizenMasked: string | null;
            /**
             * Format: date-time
             * @description The first reaction is due by then; null once it happened (or when none is due)
             */
            firstResponseDueAt: string | null;
            /**
             * Format: date-time
             * @description The SLA clock is paused since then (awaiting the citizen)
             */
            slaPausedAt: string | null;
            /**
             * Format: date
             * @description The date the citizen was asked to bring documents by
             */
            documentsDueOn: string | null;
        };
        StaffAppealListDto: {
            items: components["schemas"]["StaffAppealSummaryDto"][];
            /** @description Opaque cursor of the next page; null on the last page */
            nextCursor: string | null;
            /** @description Every matching appeal (withTotal=true) */
            total?: number;
        };
        QueueCountsDto: {
            mine: number;
            unassigned: number;
            /** @description Supervisors only (0 for operators) */
            approval: number;
            overdue: number;
            dueSoon: number;
            escalated: number;
            /** @description Supervisors only (0 for operators) */
            rereview: number;
            all: number;
        };
        /**
         * @description parent: the appeal this one disputes or re-files; child: a dispute (decision_appeal) or re-filing of this one; main: the appeal this duplicate was merged into; merged: a duplicate merged into this one
         * @enum {string}
         */
        AppealRelation: "parent" | "child" | "main" | "merged";
        LinkedAppealDto: {
            /** Format: uuid */
            id: string;
            /** @description Human number; null for a draft */
            number: number | null;
            type: components["schemas"]["AppealType"];
            status: components["schemas"]["AppealStatus"];
            subject: string;
            /** Format: uuid */
            categoryId: string;
            /** Format: uuid */
            subcategoryId: string | null;
            priority: components["schemas"]["AppealPriority"];
            important: boolean;
            overdue: boolean;
            /** @description Escalated (overdue → parent department, or turned to management by the citizen) */
            escalated: boolean;
            /**
             * Format: uuid
             * @description The department the escalation went to; its staff see the appeal in GET /staff/appeals?escalated=true and oversee it
             */
            escalatedToDepartmentId: string | null;
            /** @description The deadline was extended (once per appeal) */
            extended: boolean;
            /** @description Filed without an account (unidentified feedback) */
            unidentified: boolean;
            /** @description No answer on the merits is given (59-ФЗ ст. 11) */
            noAnswerRequired: boolean;
            /** Format: uuid */
            departmentId: string | null;
            /** Format: uuid */
            assigneeId: string | null;
            /** Format: date-time */
            createdAt: string;
            /** Format: date-time */
            registeredAt: string | null;
            /** Format: date-time */
            dueAt: string | null;
            /**
             * Format: uuid
             * @description The appeal this one disputes or re-files
             */
            parentAppealId: string | null;
            /** @description How the citizen wants the answer (post: printed from the signed PDF and posted) */
            answerChannel: components["schemas"]["AnswerChannel"];
            /** @description Row version: send it back as expectedVersion to act only on what you saw */
            version: number;
            /** @description Search rank, when the list was searched with q */
            rank?: number;
            /** @description parent: the appeal this one disputes or re-files; child: a dispute (decision_appeal) or re-filing of this one; main: the appeal this duplicate was merged into; merged: a duplicate merged into this one */
            relation: components["schemas"]["AppealRelation"];
        };
        AppealRelationsDto: {
            linked: components["schemas"]["LinkedAppealDto"][];
            /** @description The citizen's other appeals, newest first (at most 20); none for an appeal filed without an account */
            others: components["schemas"]["AppealSummaryDto"][];
        };
        RevealContactDto: {
            /**
             * @description Why the contact details are needed (kept in the audit log)
             * @example Звонок заявителю для уточнения адреса
             */
            reason: string;
        };
        AnswerTemplateViewDto: {
            /** Format: uuid */
            id: string;
            title: string;
            result: components["schemas"]["AnswerResult"] | null;
            /** @description The template text with this appeal’s placeholders filled in */
            text: string;
        };
        DuplicateCandidateDto: {
            /** Format: uuid */
            id: string;
            number: number;
            subject: string;
            status: components["schemas"]["AppealStatus"];
            /** Format: date-time */
            registeredAt: string;
            /** @description pg_trgm similarity of subject and text, 0–1 */
            similarity: number;
            /** @description Already merged into this appeal (it gets its answer) */
            merged: boolean;
        };
        MergeAppealDto: {
            /** @description The duplicate: id (UUID) or number; it keeps its number and gets the main appeal's answer */
            duplicate: string;
        };
        AnswerPrintedDto: {
            /** Format: uuid */
            id: string;
            number: number;
            /**
             * Format: date-time
             * @description When it was printed (the first mark; a repeated mark changes nothing)
             */
            answerPrintedAt: string;
        };
        PublicAppealDto: {
            type: components["schemas"]["IntakeAppealType"];
            /** Format: uuid */
            categoryId: string;
            /** Format: uuid */
            subcategoryId?: string;
            subject: string;
            /** @description The appeal text; at most 5000 characters after trimming */
            text: string;
            /** @default normal */
            priority?: components["schemas"]["AppealPriority"];
            /**
             * Format: date
             * @description Desired answer date (YYYY-MM-DD), today or later
             */
            desiredAnswerDate?: string;
            /** @description Fields required by the category's JSON Schema */
            extraFields?: {
                [key: string]: unknown;
            };
            /** @description How to deliver the answer; default: the profile's preferredAnswerChannel. post needs contact.address */
            answerChannel?: components["schemas"]["AnswerChannel"];
            /**
             * Format: uuid
             * @description A gratitude only: the employee thanked, one of GET /me/thankable-staff
             */
            thankedStaffId?: string;
            /** @description Фамилия: without it (or without an address) no answer on the merits is given (59-ФЗ ст. 11) */
            surname?: string;
            /** @description Postal address for the answer */
            address?: string;
            /** @description E-mail for the answer and status notices */
            email?: string;
            /** @description ALTCHA payload: the solved challenge of GET /auth/captcha, base64 */
            captcha: string;
            /** @description The public upload session (POST /public/upload-sessions) whose files `attachmentIds` names */
            uploadSession?: string;
            /** @description Ids of unattached uploads of `uploadSession` (POST /public/attachments) to attach */
            attachmentIds?: string[];
        };
        PublicAppealReceiptDto: {
            /** @description Human number of the appeal */
            number: number;
            /** @description Keep it: with the number it is the only way to follow the appeal. Shown once. */
            accessCode: string;
            status: components["schemas"]["AppealStatus"];
            /** Format: date-time */
            registeredAt: string;
            /** Format: date-time */
            dueAt: string;
            /** @description No answer on the merits will be given (no surname or no address, 59-ФЗ ст. 11) */
            noAnswerRequired: boolean;
        };
        PublicStatusEventDto: {
            status: components["schemas"]["AppealStatus"];
            label: string;
            /** Format: date-time */
            at: string;
        };
        PublicAppealStatusDto: {
            number: number;
            status: components["schemas"]["AppealStatus"];
            /** @description Status label in the requested language */
            statusLabel: string;
            subject: string;
            /** Format: date-time */
            registeredAt: string;
            /** Format: date-time */
            dueAt: string;
            noAnswerRequired: boolean;
            /** @description Status changes (who acted is not disclosed) */
            history: components["schemas"]["PublicStatusEventDto"][];
        };
        PublicUploadSessionInputDto: {
            /** @description ALTCHA payload: the solved challenge of GET /auth/captcha, base64 */
            captcha: string;
        };
        PublicUploadSessionDto: {
            /** @description Send it as the X-Upload-Session header of POST /public/attachments and as `uploadSession` of POST /public/appeals */
            uploadSession: string;
            /** Format: date-time */
            expiresAt: string;
            /** @description Files per appeal */
            maxFiles: number;
            /** @description Bytes per file */
            maxFileBytes: number;
            /** @description Bytes per appeal */
            maxTotalBytes: number;
            /**
             * @description Accepted kinds (the type is decided by the content)
             * @example [
             *       ".pdf",
             *       ".doc",
             *       ".docx",
             *       ".jpg",
             *       ".png",
             *       ".txt"
             *     ]
             */
            accept: string[];
        };
        AppealDraftDto: {
            type?: components["schemas"]["AppealType"];
            /** Format: uuid */
            categoryId?: string;
            /** Format: uuid */
            subcategoryId?: string;
            subject?: string;
            text?: string;
            priority?: components["schemas"]["AppealPriority"];
            extraFields?: {
                [key: string]: unknown;
            };
        };
        AppealTemplateDto: {
            /** Format: uuid */
            id: string;
            name: string;
            draft: components["schemas"]["AppealDraftDto"];
            /** Format: date-time */
            createdAt: string;
        };
        CreateAppealTemplateDto: {
            type?: components["schemas"]["IntakeAppealType"];
            /** Format: uuid */
            categoryId?: string;
            /** Format: uuid */
            subcategoryId?: string;
            subject?: string;
            /** @description The appeal text; at most 5000 characters after trimming */
            text?: string;
            /** @default normal */
            priority?: components["schemas"]["AppealPriority"];
            /** @description Fields required by the category's JSON Schema */
            extraFields?: {
                [key: string]: unknown;
            };
            /** @description Filed for a legal entity, the author being its representative */
            organisation?: components["schemas"]["OrganisationDto"];
            /** @description How to deliver the answer; default: the profile's preferredAnswerChannel. post needs contact.address */
            answerChannel?: components["schemas"]["AnswerChannel"];
            /**
             * Format: uuid
             * @description A gratitude only: the employee thanked, one of GET /me/thankable-staff
             */
            thankedStaffId?: string;
            /** @example Ошибка оплаты */
            name: string;
            /**
             * @description Start from an earlier appeal of mine (id or number): its fields, overridden by any given here
             * @example 1042
             */
            fromAppeal?: string;
        };
        ThankableStaffDto: {
            /**
             * Format: uuid
             * @description To send as thankedStaffId of a gratitude
             */
            id: string;
            position: string | null;
            /** @description null when CITIZEN_SEES_EXECUTOR_NAME=false */
            name: string | null;
        };
        QueueFiltersDto: {
            view?: components["schemas"]["QueueView"];
            /**
             * @description A status, or "all" for every status (absent: the open ones)
             * @enum {string}
             */
            status?: "draft" | "registered" | "in_progress" | "awaiting_approval" | "awaiting_citizen" | "resolved" | "rejected" | "closed" | "withdrawn" | "all";
            type?: components["schemas"]["AppealType"];
            q?: string;
            overdue?: boolean;
            escalated?: boolean;
            sort?: components["schemas"]["QueueSortKey"];
            /** @enum {string} */
            dir?: "asc" | "desc";
        };
        QueueSavedFilterDto: {
            /** Format: uuid */
            id: string;
            name: string;
            filters: components["schemas"]["QueueFiltersDto"];
            /** Format: date-time */
            createdAt: string;
            /** Format: date-time */
            updatedAt: string;
        };
        SaveQueueFilterDto: {
            name: string;
            filters: components["schemas"]["QueueFiltersDto"];
        };
        AnswerDraftInputDto: {
            result: components["schemas"]["AnswerResult"];
            /** @description Numeric result code of the body’s classifier */
            resultCode: number;
            /** @description The explanation */
            text: string;
            /** @description Required for a refusal */
            reason?: string;
            /** @description Executor work phone */
            executorPhone?: string;
            /** @description Uploaded attachments to include */
            attachmentIds?: string[];
        };
        StaffActionBodyDto: {
            /** @description Comment shown in the history */
            comment?: string;
            /**
             * Format: uuid
             * @description The colleague (staff of the appeal department)
             */
            assigneeId?: string;
            /**
             * Format: uuid
             * @description The target department
             */
            departmentId?: string;
            /** @description redirect, extend, terminate-correspondence, escalate and the proposals: the reason */
            reason?: string;
            /** @description What the citizen must bring */
            documents?: string[];
            /**
             * Format: date
             * @description The date by which the documents are expected
             */
            dueOn?: string;
            /** @description By how many days (default: the policy maximum) */
            days?: number;
            /** @description The 59-ФЗ ст. 11 ground */
            grounds?: components["schemas"]["NoAnswerGround"];
            /** @description With grounds answer_published: the page of the body's site with the answer (required unless noticeText is given) */
            publishedUrl?: string;
            /** @description The notice to the citizen (default: the statutory text of the ground) */
            noticeText?: string;
            /** @description The citizen's earlier appeals (ids or numbers) on the same question, each answered on the merits — at least two (59-ФЗ ст. 11 ч. 5; required, 422 repeats_required) */
            repeatsAppealIds?: string[];
            /** @description The remark to the operator (in the internal thread) */
            remark?: string;
            /** @description record-review: the answer stands, or the appeal goes back to work */
            outcome?: components["schemas"]["ReviewOutcome"];
            /**
             * Format: uuid
             * @description reclassify: the new category — an active one serving the appeal's type, top-level or a subcategory (422 unknown_category, category_type_mismatch)
             */
            categoryId?: string;
            /** @description reclassify: the new priority */
            priority?: components["schemas"]["AppealPriority"];
            /** @description send-for-approval: the answer to approve (the supervisor approves it and it goes out, or returns it with a remark) */
            draft?: components["schemas"]["AnswerDraftInputDto"];
            /** @description The version of the appeal the client saw; a stale one is a 409 version_conflict */
            expectedVersion?: number;
        };
        TakeActionBody: {
            /** @description Comment shown in the history */
            comment?: string;
            /** @description The version of the appeal the client saw; a stale one is a 409 version_conflict */
            expectedVersion?: number;
            /**
             * @description The action of the path (optional)
             * @enum {string}
             */
            action?: "take";
        };
        AssignActionBody: {
            /** @description Comment shown in the history */
            comment?: string;
            /** @description The version of the appeal the client saw; a stale one is a 409 version_conflict */
            expectedVersion?: number;
            /**
             * @description The action of the path (optional)
             * @enum {string}
             */
            action?: "assign";
            /**
             * Format: uuid
             * @description The colleague (staff of the appeal department)
             */
            assigneeId: string;
        };
        RequestDocumentsActionBody: {
            /** @description Comment shown in the history */
            comment?: string;
            /** @description The version of the appeal the client saw; a stale one is a 409 version_conflict */
            expectedVersion?: number;
            /**
             * @description The action of the path (optional)
             * @enum {string}
             */
            action?: "request-documents";
            /** @description What the citizen must bring */
            documents: string[];
            /**
             * Format: date
             * @description The date by which the documents are expected
             */
            dueOn: string;
        };
        SendForApprovalActionBody: {
            /** @description Comment shown in the history */
            comment?: string;
            /** @description The version of the appeal the client saw; a stale one is a 409 version_conflict */
            expectedVersion?: number;
            /**
             * @description The action of the path (optional)
             * @enum {string}
             */
            action?: "send-for-approval";
            /** @description send-for-approval: the answer to approve (the supervisor approves it and it goes out, or returns it with a remark) */
            draft?: components["schemas"]["AnswerDraftInputDto"];
        };
        ApproveActionBody: {
            /** @description Comment shown in the history */
            comment?: string;
            /** @description The version of the appeal the client saw; a stale one is a 409 version_conflict */
            expectedVersion?: number;
            /**
             * @description The action of the path (optional)
             * @enum {string}
             */
            action?: "approve";
        };
        RedirectActionBody: {
            /** @description Comment shown in the history */
            comment?: string;
            /** @description The version of the appeal the client saw; a stale one is a 409 version_conflict */
            expectedVersion?: number;
            /**
             * @description The action of the path (optional)
             * @enum {string}
             */
            action?: "redirect";
            /**
             * Format: uuid
             * @description The target department
             */
            departmentId: string;
            /** @description Why (told to the citizen) */
            reason: string;
        };
        ExtendActionBody: {
            /** @description Comment shown in the history */
            comment?: string;
            /** @description The version of the appeal the client saw; a stale one is a 409 version_conflict */
            expectedVersion?: number;
            /**
             * @description The action of the path (optional)
             * @enum {string}
             */
            action?: "extend";
            /** @description Why (told to the citizen) */
            reason: string;
            /** @description By how many days (default: the policy maximum) */
            days?: number;
        };
        NoAnswerRequiredActionBody: {
            /** @description Comment shown in the history */
            comment?: string;
            /** @description The version of the appeal the client saw; a stale one is a 409 version_conflict */
            expectedVersion?: number;
            /**
             * @description The action of the path (optional)
             * @enum {string}
             */
            action?: "no-answer-required";
            /** @description The 59-ФЗ ст. 11 ground */
            grounds: components["schemas"]["NoAnswerGround"];
            /** @description With grounds answer_published: the page of the body's site with the answer (required unless noticeText is given) */
            publishedUrl?: string;
            /** @description The notice to the citizen (default: the statutory text of the ground) */
            noticeText?: string;
        };
        TerminateCorrespondenceActionBody: {
            /** @description Comment shown in the history */
            comment?: string;
            /** @description The version of the appeal the client saw; a stale one is a 409 version_conflict */
            expectedVersion?: number;
            /**
             * @description The action of the path (optional)
             * @enum {string}
             */
            action?: "terminate-correspondence";
            /** @description Why the appeal brings no new arguments */
            reason: string;
            /** @description The citizen's earlier appeals (ids or numbers) on the same question, each answered on the merits — at least two (59-ФЗ ст. 11 ч. 5; required, 422 repeats_required) */
            repeatsAppealIds?: string[];
            /** @description The notice to the citizen (default: the statutory text of the ground) */
            noticeText?: string;
        };
        ReopenActionBody: {
            /** @description Comment shown in the history */
            comment?: string;
            /** @description The version of the appeal the client saw; a stale one is a 409 version_conflict */
            expectedVersion?: number;
            /**
             * @description The action of the path (optional)
             * @enum {string}
             */
            action?: "reopen";
        };
        ProposeTerminationActionBody: {
            /** @description Comment shown in the history */
            comment?: string;
            /** @description The version of the appeal the client saw; a stale one is a 409 version_conflict */
            expectedVersion?: number;
            /**
             * @description The action of the path (optional)
             * @enum {string}
             */
            action?: "propose-termination";
            /** @description Why the appeal brings no new arguments */
            reason: string;
            /** @description The citizen's earlier appeals (ids or numbers) on the same question, each answered on the merits — at least two (59-ФЗ ст. 11 ч. 5; required, 422 repeats_required) */
            repeatsAppealIds?: string[];
            /** @description The notice to the citizen (default: the statutory text of the ground) */
            noticeText?: string;
        };
        ProposeExtensionActionBody: {
            /** @description Comment shown in the history */
            comment?: string;
            /** @description The version of the appeal the client saw; a stale one is a 409 version_conflict */
            expectedVersion?: number;
            /**
             * @description The action of the path (optional)
             * @enum {string}
             */
            action?: "propose-extension";
            /** @description Why (told to the citizen once approved) */
            reason: string;
            /** @description By how many days (default: the policy maximum) */
            days?: number;
        };
        ProposeNoAnswerActionBody: {
            /** @description Comment shown in the history */
            comment?: string;
            /** @description The version of the appeal the client saw; a stale one is a 409 version_conflict */
            expectedVersion?: number;
            /**
             * @description The action of the path (optional)
             * @enum {string}
             */
            action?: "propose-no-answer";
            /** @description The 59-ФЗ ст. 11 ground */
            grounds: components["schemas"]["NoAnswerGround"];
            /** @description The reasoning for the supervisor */
            reason?: string;
            /** @description With grounds answer_published: the page of the body's site with the answer (required unless noticeText is given) */
            publishedUrl?: string;
            /** @description The notice to the citizen (default: the statutory text of the ground) */
            noticeText?: string;
        };
        ApproveProposalActionBody: {
            /** @description Comment shown in the history */
            comment?: string;
            /** @description The version of the appeal the client saw; a stale one is a 409 version_conflict */
            expectedVersion?: number;
            /**
             * @description The action of the path (optional)
             * @enum {string}
             */
            action?: "approve-proposal";
        };
        ReturnProposalActionBody: {
            /** @description Comment shown in the history */
            comment?: string;
            /** @description The version of the appeal the client saw; a stale one is a 409 version_conflict */
            expectedVersion?: number;
            /**
             * @description The action of the path (optional)
             * @enum {string}
             */
            action?: "return-proposal";
            /** @description The remark to the operator (in the internal thread) */
            remark: string;
        };
        ReturnAnswerActionBody: {
            /** @description Comment shown in the history */
            comment?: string;
            /** @description The version of the appeal the client saw; a stale one is a 409 version_conflict */
            expectedVersion?: number;
            /**
             * @description The action of the path (optional)
             * @enum {string}
             */
            action?: "return-answer";
            /** @description The remark to the operator (in the internal thread) */
            remark: string;
        };
        RecordReviewActionBody: {
            /** @description Comment shown in the history */
            comment?: string;
            /** @description The version of the appeal the client saw; a stale one is a 409 version_conflict */
            expectedVersion?: number;
            /**
             * @description The action of the path (optional)
             * @enum {string}
             */
            action?: "record-review";
            /** @description record-review: the answer stands, or the appeal goes back to work */
            outcome: components["schemas"]["ReviewOutcome"];
            /** @description The conclusion of the re-review, told to the citizen */
            reason: string;
        };
        EscalateStaffActionBody: {
            /** @description Comment shown in the history */
            comment?: string;
            /** @description The version of the appeal the client saw; a stale one is a 409 version_conflict */
            expectedVersion?: number;
            /**
             * @description The action of the path (optional)
             * @enum {string}
             */
            action?: "escalate";
            /** @description Why the parent department should oversee it (shown in the history) */
            reason: string;
        };
        ReclassifyActionBody: {
            /** @description Comment shown in the history */
            comment?: string;
            /** @description The version of the appeal the client saw; a stale one is a 409 version_conflict */
            expectedVersion?: number;
            /**
             * @description The action of the path (optional)
             * @enum {string}
             */
            action?: "reclassify";
            /**
             * Format: uuid
             * @description reclassify: the new category — an active one serving the appeal's type, top-level or a subcategory (422 unknown_category, category_type_mismatch)
             */
            categoryId?: string;
            /** @description reclassify: the new priority */
            priority?: components["schemas"]["AppealPriority"];
        };
        AssigneeOptionDto: {
            /** Format: uuid */
            id: string;
            fullName: string;
            position: string | null;
            role: components["schemas"]["StaffRole"];
            /** @description Unanswered appeals assigned to them now */
            openAppeals: number;
        };
        /** @enum {string} */
        AnswerDraftState: "pending" | "returned" | "approved";
        AnswerDraftDto: {
            /** Format: uuid */
            id: string;
            /** @description 1, 2, … per appeal */
            revision: number;
            state: components["schemas"]["AnswerDraftState"];
            result: components["schemas"]["AnswerResult"];
            resultCode: number;
            text: string;
            reason: string | null;
            executorPhone: string | null;
            /** @description The uploads that go out with the answer */
            attachmentIds: string[];
            /** Format: uuid */
            authorId: string | null;
            authorName: string;
            /** Format: date-time */
            createdAt: string;
            /** @description The supervisor's remark when returned */
            remark: string | null;
            decidedByName: string | null;
            /** Format: date-time */
            decidedAt: string | null;
        };
        /** @enum {string} */
        BulkAction: "assign" | "redirect";
        BulkActionDto: {
            /** @description Comment shown in the history */
            comment?: string;
            /**
             * Format: uuid
             * @description The colleague (staff of the appeal department)
             */
            assigneeId?: string;
            /**
             * Format: uuid
             * @description The target department
             */
            departmentId?: string;
            /** @description redirect, extend, terminate-correspondence, escalate and the proposals: the reason */
            reason?: string;
            /** @description What the citizen must bring */
            documents?: string[];
            /**
             * Format: date
             * @description The date by which the documents are expected
             */
            dueOn?: string;
            /** @description By how many days (default: the policy maximum) */
            days?: number;
            /** @description The 59-ФЗ ст. 11 ground */
            grounds?: components["schemas"]["NoAnswerGround"];
            /** @description With grounds answer_published: the page of the body's site with the answer (required unless noticeText is given) */
            publishedUrl?: string;
            /** @description The notice to the citizen (default: the statutory text of the ground) */
            noticeText?: string;
            /** @description The citizen's earlier appeals (ids or numbers) on the same question, each answered on the merits — at least two (59-ФЗ ст. 11 ч. 5; required, 422 repeats_required) */
            repeatsAppealIds?: string[];
            /** @description The remark to the operator (in the internal thread) */
            remark?: string;
            /** @description record-review: the answer stands, or the appeal goes back to work */
            outcome?: components["schemas"]["ReviewOutcome"];
            /**
             * Format: uuid
             * @description reclassify: the new category — an active one serving the appeal's type, top-level or a subcategory (422 unknown_category, category_type_mismatch)
             */
            categoryId?: string;
            /** @description reclassify: the new priority */
            priority?: components["schemas"]["AppealPriority"];
            /** @description send-for-approval: the answer to approve (the supervisor approves it and it goes out, or returns it with a remark) */
            draft?: components["schemas"]["AnswerDraftInputDto"];
            /** @description The version of the appeal the client saw; a stale one is a 409 version_conflict */
            expectedVersion?: number;
            ids: string[];
            action: components["schemas"]["BulkAction"];
        };
        BulkResultItemDto: {
            /** Format: uuid */
            id: string;
            ok: boolean;
            status?: components["schemas"]["AppealStatus"];
            /** @description The problem code when this appeal was not changed */
            code?: string;
        };
        BulkResultDto: {
            results: components["schemas"]["BulkResultItemDto"][];
        };
        /** @enum {string} */
        StaffRouteAction: "take" | "assign" | "request-documents" | "send-for-approval" | "approve" | "redirect" | "extend" | "no-answer-required" | "terminate-correspondence" | "reopen" | "propose-termination" | "propose-extension" | "propose-no-answer" | "approve-proposal" | "return-proposal" | "return-answer" | "record-review" | "escalate" | "reclassify";
        AnswerInputDto: {
            result: components["schemas"]["AnswerResult"];
            /** @description Numeric result code of the body’s classifier */
            resultCode: number;
            /** @description The explanation */
            text: string;
            /** @description Required for a refusal */
            reason?: string;
            /** @description Executor work phone */
            executorPhone?: string;
            /** @description Uploaded attachments to include */
            attachmentIds?: string[];
            expectedVersion?: number;
        };
        ActionBodyDto: {
            /** @description Why (shown in the history) */
            comment?: string;
            /** @description dispute: the grounds (required); resubmit: the new text (default: the original text) */
            text?: string;
            /** @description The version of the appeal the client saw; a stale one is a 409 version_conflict */
            expectedVersion?: number;
        };
        WithdrawActionBody: {
            /** @description Why (shown in the history) */
            comment?: string;
            /** @description The version of the appeal the client saw; a stale one is a 409 version_conflict */
            expectedVersion?: number;
            /**
             * @description The action of the path (optional)
             * @enum {string}
             */
            action?: "withdraw";
        };
        CloseActionBody: {
            /** @description Why (shown in the history) */
            comment?: string;
            /** @description The version of the appeal the client saw; a stale one is a 409 version_conflict */
            expectedVersion?: number;
            /**
             * @description The action of the path (optional)
             * @enum {string}
             */
            action?: "close";
        };
        MarkImportantActionBody: {
            /** @description Why (shown in the history) */
            comment?: string;
            /** @description The version of the appeal the client saw; a stale one is a 409 version_conflict */
            expectedVersion?: number;
            /**
             * @description The action of the path (optional)
             * @enum {string}
             */
            action?: "mark-important";
        };
        UnmarkImportantActionBody: {
            /** @description Why (shown in the history) */
            comment?: string;
            /** @description The version of the appeal the client saw; a stale one is a 409 version_conflict */
            expectedVersion?: number;
            /**
             * @description The action of the path (optional)
             * @enum {string}
             */
            action?: "unmark-important";
        };
        RequestClarificationActionBody: {
            /** @description Why (shown in the history) */
            comment?: string;
            /** @description The version of the appeal the client saw; a stale one is a 409 version_conflict */
            expectedVersion?: number;
            /**
             * @description The action of the path (optional)
             * @enum {string}
             */
            action?: "request-clarification";
        };
        CitizenReopenActionBody: {
            /** @description Why (shown in the history) */
            comment?: string;
            /** @description The version of the appeal the client saw; a stale one is a 409 version_conflict */
            expectedVersion?: number;
            /**
             * @description The action of the path (optional)
             * @enum {string}
             */
            action?: "reopen";
        };
        DisputeActionBody: {
            /** @description Why (shown in the history) */
            comment?: string;
            /** @description The version of the appeal the client saw; a stale one is a 409 version_conflict */
            expectedVersion?: number;
            /**
             * @description The action of the path (optional)
             * @enum {string}
             */
            action?: "dispute";
            /** @description The grounds of the dispute */
            text: string;
        };
        ResubmitActionBody: {
            /** @description Why (shown in the history) */
            comment?: string;
            /** @description The version of the appeal the client saw; a stale one is a 409 version_conflict */
            expectedVersion?: number;
            /**
             * @description The action of the path (optional)
             * @enum {string}
             */
            action?: "resubmit";
            /** @description The new text (default: the original text) */
            text?: string;
        };
        EscalateActionBody: {
            /** @description Why (shown in the history) */
            comment?: string;
            /** @description The version of the appeal the client saw; a stale one is a 409 version_conflict */
            expectedVersion?: number;
            /**
             * @description The action of the path (optional)
             * @enum {string}
             */
            action?: "escalate";
        };
        /** @enum {string} */
        AppealAction: "withdraw" | "close" | "mark-important" | "unmark-important" | "request-clarification" | "reopen" | "dispute" | "resubmit" | "escalate";
        RatingDto: {
            /** @description Satisfaction with the answer, 1–5 */
            score: number;
            /** @description A score below 3 with a comment puts the appeal on the supervisor re-review list */
            comment?: string;
        };
        AddMaterialsDto: {
            /** @description Ids of own unattached uploads */
            attachmentIds: string[];
            comment?: string;
        };
        RetentionExtensionDto: {
            /**
             * Format: date
             * @description Keep the appeal until this date (at most 5 years ahead)
             * @example 2031-01-31
             */
            until: string;
            /** @example Судебное разбирательство по предмету обращения */
            reason: string;
        };
        RetentionExtensionResultDto: {
            /** Format: uuid */
            appealId: string;
            number: number | null;
            /** Format: date */
            retentionExtendedUntil: string;
        };
        /** @enum {string} */
        MacroStep: "take" | "assign-to-me" | "request-documents" | "send-for-approval" | "set-priority" | "set-category";
        AppealMacroDto: {
            /** Format: uuid */
            id: string;
            title: string;
            /** Format: uuid */
            departmentId: string | null;
            active: boolean;
            steps: components["schemas"]["MacroStep"][];
            comment: string | null;
            documents: string[];
            documentsDueInDays: number | null;
            priority: components["schemas"]["AppealPriority"] | null;
            /** Format: uuid */
            categoryId: string | null;
            note: string | null;
        };
        AppealMacroInputDto: {
            title: string;
            /**
             * Format: uuid
             * @description The department allowed to use it; null: every department
             */
            departmentId?: string | null;
            /** @default true */
            active?: boolean;
            /** @description Staff actions in the order they run (each through the same rules as the action route); assign-to-me assigns the appeal to whoever applies the macro; set-priority and set-category reclassify it (the action reclassify) with the macro's priority / categoryId */
            steps?: components["schemas"]["MacroStep"][];
            /** @description The comment of each action's history row (default: «Макрос «title»») */
            comment?: string | null;
            /** @description request-documents: what the citizen must bring (required with that step) */
            documents?: string[];
            /** @description request-documents: due in this many calendar days from the day the macro is applied (required with that step) */
            documentsDueInDays?: number | null;
            /** @description set-priority: the priority it sets (required with that step) */
            priority?: components["schemas"]["AppealPriority"] | null;
            /**
             * Format: uuid
             * @description set-category: the category it sets, an active one (top-level or a subcategory; required with that step; 422 unknown_category). An appeal of a type it does not serve refuses the macro (422 category_type_mismatch, the step named)
             */
            categoryId?: string | null;
            /** @description An internal note (staff only) added after the actions */
            note?: string | null;
        };
        ApplyMacroDto: {
            /** @description The version of the appeal the client saw; a stale one is a 409 version_conflict */
            expectedVersion?: number;
        };
        /** @enum {string} */
        DeadlineUnit: "working_days" | "calendar_days" | "working_hours";
        SlaPolicyDto: {
            /** Format: uuid */
            id: string;
            type: components["schemas"]["AppealType"];
            /**
             * Format: uuid
             * @description Category or subcategory; null: the default of the type
             */
            categoryId: string | null;
            resolutionUnit: components["schemas"]["DeadlineUnit"];
            /** @description Resolution term in resolutionUnit */
            resolutionAmount: number;
            /** @description First reaction, clock hours from registration */
            firstResponseHours: number;
            /** @description First reaction in a priority category, clock hours */
            priorityFirstResponseHours: number;
            /** @description The assignee is reminded this many hours before the deadline (0: never) */
            reminderLeadHours: number;
            /** Format: date-time */
            updatedAt: string;
        };
        UpsertSlaPolicyDto: {
            type: components["schemas"]["AppealType"];
            /**
             * Format: uuid
             * @description Omit or null for the default of the type
             */
            categoryId?: string | null;
            resolutionUnit: components["schemas"]["DeadlineUnit"];
            resolutionAmount: number;
            /** @example 24 */
            firstResponseHours: number;
            /** @example 2 */
            priorityFirstResponseHours: number;
            /** @default 24 */
            reminderLeadHours?: number;
        };
        DeadlinePreviewDto: {
            /** Format: date-time */
            registeredAt: string;
            type: components["schemas"]["AppealType"];
            resolutionUnit: components["schemas"]["DeadlineUnit"];
            resolutionAmount: number;
            /**
             * Format: date-time
             * @description The resolution deadline
             */
            dueAt: string;
            /**
             * Format: date-time
             * @description The first reaction deadline (clock hours from registration)
             */
            firstResponseDueAt: string;
            priorityCategory: boolean;
            /** @description Non-working days between registration and the deadline (YYYY-MM-DD), at most 60 */
            nonWorkingDays: string[];
        };
        /**
         * @description official: loaded; labour_code: derived by Labour Code art. 112
         * @enum {string}
         */
        CalendarSource: "official" | "labour_code";
        CalendarYearDto: {
            year: number;
            /** @description official: loaded; labour_code: derived by Labour Code art. 112 */
            source: components["schemas"]["CalendarSource"];
            /** @description Days off on weekdays (holidays, transfers), YYYY-MM-DD; for an official year, as loaded */
            nonWorking: string[];
            /** @description Weekends made working days */
            working: string[];
            /** @description Shortened (pre-holiday) working days: office hours end an hour early */
            shortened: string[];
            /** @description Which non-working days are public holidays (the others are days off by a transfer); informational */
            holidays: string[];
            /** @description Working days in the year */
            workingDays: number;
            /** Format: date-time */
            loadedAt: string | null;
            /** Format: uuid */
            loadedBy: string | null;
        };
        LoadCalendarYearDto: {
            /**
             * @description Non-working days of the year (YYYY-MM-DD); weekends may be listed
             * @example [
             *       "2027-01-01",
             *       "2027-01-08"
             *     ]
             */
            nonWorking: string[];
            /**
             * @description Saturdays or Sundays made working days by a transfer
             * @example []
             */
            working: string[];
            /**
             * @description Shortened (pre-holiday) working days; absent: none
             * @example [
             *       "2027-04-30"
             *     ]
             */
            shortened?: string[];
            /**
             * @description Which non-working days are public holidays (informational); absent: none
             * @example [
             *       "2027-01-01"
             *     ]
             */
            holidays?: string[];
        };
        /**
         * @description xmlcalendar_xml: the XML form; xmlcalendar_json: the JSON form
         * @enum {string}
         */
        CalendarImportFormat: "xmlcalendar_xml" | "xmlcalendar_json";
        ImportCalendarYearDto: {
            /** @description xmlcalendar_xml: the XML form; xmlcalendar_json: the JSON form */
            format: components["schemas"]["CalendarImportFormat"];
            /** @description The file's text */
            content: string;
        };
        /**
         * @description anonymise: the appeal stays, its personal data go; delete: the appeal goes
         * @enum {string}
         */
        RetentionMode: "anonymise" | "delete";
        /**
         * @description configuration: RETENTION_YEARS / RETENTION_MODE; admin: set over this API
         * @enum {string}
         */
        RetentionSettingsSource: "configuration" | "admin";
        RetentionRuleDto: {
            /**
             * @description Years after an appeal is closed that its personal data are kept
             * @example 5
             */
            years: number;
            /** @description anonymise: the appeal stays, its personal data go; delete: the appeal goes */
            mode: components["schemas"]["RetentionMode"];
        };
        RetentionSettingsDto: {
            /**
             * @description Years after an appeal is closed that its personal data are kept
             * @example 5
             */
            years: number;
            /** @description anonymise: the appeal stays, its personal data go; delete: the appeal goes */
            mode: components["schemas"]["RetentionMode"];
            /** @description configuration: RETENTION_YEARS / RETENTION_MODE; admin: set over this API */
            source: components["schemas"]["RetentionSettingsSource"];
            /** @description What the configuration says (applies while no admin has set the rule) */
            configured: components["schemas"]["RetentionRuleDto"];
            /** Format: date-time */
            updatedAt: string | null;
        };
        RetentionSettingsInputDto: {
            /** @example 5 */
            years: number;
            mode: components["schemas"]["RetentionMode"];
        };
        /** @enum {string} */
        RetentionDestructionMode: "anonymised" | "deleted";
        RetentionDestructionDto: {
            id: string;
            /** Format: uuid */
            appealId: string;
            /** @description The appeal number */
            number: number | null;
            /** Format: date-time */
            closedAt: string | null;
            /** Format: date-time */
            destroyedAt: string;
            mode: components["schemas"]["RetentionDestructionMode"];
            /**
             * @description Who destroyed: the retention job
             * @example system:retention
             */
            actor: string;
            /** @description The rule applied: years of retention after closing */
            retentionYears: number;
        };
        RetentionDestructionPageDto: {
            items: components["schemas"]["RetentionDestructionDto"][];
            nextCursor: string | null;
        };
        /**
         * @description Told by the content; null when it is none of them
         * @enum {string}
         */
        AnswerDocumentFormat: "json" | "xml" | "pdf";
        /**
         * @description Why the document is not valid; null when valid
         * @enum {string}
         */
        AnswerVerificationFailure: "unknown_format" | "malformed" | "signature_missing" | "signature_malformed" | "algorithm_not_allowed" | "unknown_key" | "signature_invalid" | "wrong_document_type" | "document_altered";
        AnswerVerificationDto: {
            /** @description The document is exactly as the body signed it, with a key of its key set */
            valid: boolean;
            /** @description Told by the content; null when it is none of them */
            format: components["schemas"]["AnswerDocumentFormat"] | null;
            /** @description The body that signed the answer */
            signedBy: string | null;
            /**
             * Format: date-time
             * @description When it was signed (the time of the answer)
             */
            signedAt: string | null;
            /** @description The number of the appeal answered */
            appealNumber: number | null;
            /** @description Id of the key that signed */
            keyId: string | null;
            /**
             * @description The code printed on the PDF; the same for the JSON, XML and PDF of one answer
             * @example ABCD-EFGH-JKLM-NPQR
             */
            verificationCode: string | null;
            /** @description Why the document is not valid; null when valid */
            reason: components["schemas"]["AnswerVerificationFailure"] | null;
        };
        /**
         * @description active: signs new answers; retired: only verifies
         * @enum {string}
         */
        SigningKeyState: "active" | "retired";
        /**
         * @description configuration: imported from ANSWER_SIGNING_KEY / ANSWER_VERIFY_KEYS; generated: by a rotation
         * @enum {string}
         */
        SigningKeySource: "configuration" | "generated";
        SigningKeyDto: {
            /**
             * @description Key id: the `kid` of the signatures it makes
             * @example rsa-3kq0yJ9cR1w2bVxA
             */
            kid: string;
            /** @example RS256 */
            algorithm: string;
            /** @description active: signs new answers; retired: only verifies */
            state: components["schemas"]["SigningKeyState"];
            /**
             * @description SHA-256 of the public key (DER SubjectPublicKeyInfo), to compare out of band
             * @example sha256:9f86d081884c7d65…
             */
            fingerprint: string;
            /** @description configuration: imported from ANSWER_SIGNING_KEY / ANSWER_VERIFY_KEYS; generated: by a rotation */
            source: components["schemas"]["SigningKeySource"];
            /** @description Whether the private half is held (verify-only keys from ANSWER_VERIFY_KEYS have none) */
            canSign: boolean;
            /** Format: date-time */
            createdAt: string;
            /** Format: date-time */
            activatedAt: string | null;
            /** Format: date-time */
            retiredAt: string | null;
            /** @description The public key (SPKI PEM) */
            publicKey: string;
        };
        ExportedCheckpointDto: {
            /**
             * @description Rows in the chain at this checkpoint (the last seq)
             * @example 1234
             */
            size: number;
            /** @description Chain hash at seq = size (hex SHA-256) */
            headHash: string;
            /** @description RFC 6962 Merkle root over the first `size` row hashes (hex) */
            merkleRoot: string;
            /** Format: date-time */
            time: string;
            /** @description Signing key id (kid) */
            keyId: string;
            /** @description Detached JWS (`<header>..<signature>`) over the statement */
            signature: string;
        };
        CheckpointListDto: {
            /** @description Newest first */
            items: components["schemas"]["ExportedCheckpointDto"][];
        };
        ConsistencyProofDto: {
            from: components["schemas"]["ExportedCheckpointDto"];
            to: components["schemas"]["ExportedCheckpointDto"];
            /** @description RFC 6962 §2.1.2 PROOF(from, D[to]): node hashes, hex, in order */
            proof: string[];
        };
        /** @enum {string} */
        AuditChainProblem: "row_missing" | "row_altered" | "link_broken" | "seq_gap" | "row_not_sealed" | "checkpoint_mismatch" | "checkpoint_beyond_chain" | "checkpoint_invalid";
        AuditRowSummaryDto: {
            /** Format: date-time */
            occurredAt: string;
            /** Format: uuid */
            actorId: string | null;
            actorRole: string | null;
            action: string;
            entityType: string;
            entityId: string | null;
        };
        AroundRowDto: {
            /** @description Chain position; null for a row not in the chain */
            seq: number | null;
            rowId: string;
            /** @description null: the row is gone */
            row: components["schemas"]["AuditRowSummaryDto"] | null;
        };
        BrokenLinkDto: {
            problem: components["schemas"]["AuditChainProblem"];
            seq: number | null;
            rowId: string | null;
            detail: string;
            /** @description The links around the break (two each side) with their rows */
            around: components["schemas"]["AroundRowDto"][];
        };
        VerifyReportDto: {
            ok: boolean;
            from: number;
            to: number;
            checked: number;
            /** @description Links in the chain */
            size: number;
            /** @description Rows written but not sealed yet */
            unsealed: number;
            checkpointsChecked: number;
            ms: number;
            firstBroken: components["schemas"]["BrokenLinkDto"] | null;
        };
        NotificationItemDto: {
            /**
             * @description Ascending; the stream's event id
             * @example 1042
             */
            id: string;
            /** @enum {string} */
            kind: "registered" | "status_changed" | "staff_reply" | "documents_requested" | "documents_reminder" | "extended" | "redirected" | "law_notice" | "answer_ready" | "rating_requested" | "review_outcome" | "queue_new" | "assigned" | "citizen_reply" | "due_soon" | "first_reaction_overdue" | "overdue" | "escalated_to_department" | "low_rating" | "approval_requested" | "approval_returned" | "infected_file" | "security_alert" | "webhook_disabled" | "recurring_problem";
            /** Format: uuid */
            appealId: string | null;
            appealNumber: number | null;
            title: string;
            body: string;
            /** @description The appeal's card (console) or page (citizen app) */
            link: string;
            /** Format: date-time */
            createdAt: string;
            /** Format: date-time */
            readAt: string | null;
        };
        NotificationPageDto: {
            items: components["schemas"]["NotificationItemDto"][];
            nextCursor: string | null;
            /** @description Unread items in the whole feed */
            unread: number;
        };
        UnreadCountDto: {
            unread: number;
        };
        MarkReadDto: {
            /**
             * @description Item ids; at most 500
             * @example [
             *       "1042"
             *     ]
             */
            ids: string[];
        };
        QuietHoursDto: {
            /**
             * @description Local time (HH:MM) SMS and push start waiting
             * @example 22:00
             */
            from: string;
            /**
             * @description Local time (HH:MM) they go out again
             * @example 08:00
             */
            to: string;
        };
        ChannelSwitchesDto: {
            in_app: boolean;
            email: boolean;
            sms: boolean;
            push: boolean;
        };
        KindPreferenceDto: {
            /** @enum {string} */
            kind: "registered" | "status_changed" | "staff_reply" | "documents_requested" | "documents_reminder" | "extended" | "redirected" | "law_notice" | "answer_ready" | "rating_requested" | "review_outcome" | "queue_new" | "assigned" | "citizen_reply" | "due_soon" | "first_reaction_overdue" | "overdue" | "escalated_to_department" | "low_rating" | "approval_requested" | "approval_returned" | "infected_file" | "security_alert" | "webhook_disabled" | "recurring_problem";
            /** @description The law requires this notice: at least one channel stays on */
            required: boolean;
            channels: components["schemas"]["ChannelSwitchesDto"];
        };
        NotificationPreferencesDto: {
            /** @enum {string} */
            locale: "ru" | "en";
            /**
             * @description IANA time zone quiet hours and digests are counted in
             * @example Europe/Moscow
             */
            timeZone: string;
            quietHours: components["schemas"]["QuietHoursDto"] | null;
            /**
             * @description Staff: e-mail, SMS and push in one digest instead of one message per event
             * @enum {string}
             */
            digest: "off" | "hourly" | "daily";
            /** @description Channels this account can be reached on now (an address, a confirmed phone, a device) */
            reachable: ("in_app" | "email" | "sms" | "push")[];
            kinds: components["schemas"]["KindPreferenceDto"][];
        };
        ChannelSwitchesUpdateDto: {
            in_app?: boolean;
            email?: boolean;
            sms?: boolean;
            push?: boolean;
        };
        KindPreferenceUpdateDto: {
            /** @enum {string} */
            kind: "registered" | "status_changed" | "staff_reply" | "documents_requested" | "documents_reminder" | "extended" | "redirected" | "law_notice" | "answer_ready" | "rating_requested" | "review_outcome" | "queue_new" | "assigned" | "citizen_reply" | "due_soon" | "first_reaction_overdue" | "overdue" | "escalated_to_department" | "low_rating" | "approval_requested" | "approval_returned" | "infected_file" | "security_alert" | "webhook_disabled" | "recurring_problem";
            channels: components["schemas"]["ChannelSwitchesUpdateDto"];
        };
        UpdateNotificationPreferencesDto: {
            /** @enum {string} */
            locale?: "ru" | "en";
            /** @example Asia/Yekaterinburg */
            timeZone?: string;
            /** @description null turns quiet hours off */
            quietHours?: components["schemas"]["QuietHoursDto"] | null;
            /** @enum {string} */
            digest?: "off" | "hourly" | "daily";
            kinds?: components["schemas"]["KindPreferenceUpdateDto"][];
        };
        PushKeyDto: {
            /** @description The VAPID public key (base64url) for PushManager.subscribe */
            publicKey: string;
        };
        PushSubscriptionDto: {
            /** Format: uuid */
            id: string;
            endpoint: string;
            userAgent: string | null;
            /** Format: date-time */
            createdAt: string;
            /** Format: date-time */
            lastUsedAt: string | null;
        };
        PushSubscriptionInputDto: {
            /** @example https://fcm.googleapis.com/fcm/send/… */
            endpoint: string;
            /** @description keys.p256dh (base64url) */
            p256dh: string;
            /** @description keys.auth (base64url) */
            auth: string;
        };
        NotificationDeliveryDto: {
            id: string;
            /** @enum {string} */
            kind: "registered" | "status_changed" | "staff_reply" | "documents_requested" | "documents_reminder" | "extended" | "redirected" | "law_notice" | "answer_ready" | "rating_requested" | "review_outcome" | "queue_new" | "assigned" | "citizen_reply" | "due_soon" | "first_reaction_overdue" | "overdue" | "escalated_to_department" | "low_rating" | "approval_requested" | "approval_returned" | "infected_file" | "security_alert" | "webhook_disabled" | "recurring_problem" | "legacy";
            /** @enum {string} */
            channel: "in_app" | "email" | "sms" | "push";
            /** @enum {string} */
            recipient: "citizen" | "staff";
            /** @enum {string} */
            status: "pending" | "held" | "digest" | "sent" | "delivered" | "failed" | "dead";
            /** @description Masked address */
            address: string | null;
            attempts: number;
            /** Format: date-time */
            sentAt: string | null;
            /**
             * Format: date-time
             * @description When a pending, held or digest notice goes out
             */
            scheduledFor: string | null;
            /** @description The provider's delivery receipt */
            receiptStatus: string | null;
            /** Format: date-time */
            receiptAt: string | null;
            /** Format: date-time */
            createdAt: string;
            /** @description Staff only */
            recipientId?: string | null;
            /** @description Staff only: the staff member told (null for the citizen) */
            recipientName?: string | null;
            /** @description Staff only */
            provider?: string | null;
            /** @description Staff only */
            providerId?: string | null;
            /** @description Staff only: the last failure */
            lastError?: string | null;
        };
        /** @enum {string} */
        NotificationDeliveryStatus: "pending" | "held" | "digest" | "sent" | "delivered" | "failed" | "dead";
        /** @enum {string} */
        NotificationChannel: "email" | "sms" | "push";
        NotificationDeliveryRecordDto: {
            id: string;
            /** @description The outbox event it tells of */
            eventId: string;
            /** @example appeal.registered */
            eventType: string;
            /** Format: uuid */
            appealId: string | null;
            /** @enum {string} */
            kind: "registered" | "status_changed" | "staff_reply" | "documents_requested" | "documents_reminder" | "extended" | "redirected" | "law_notice" | "answer_ready" | "rating_requested" | "review_outcome" | "queue_new" | "assigned" | "citizen_reply" | "due_soon" | "first_reaction_overdue" | "overdue" | "escalated_to_department" | "low_rating" | "approval_requested" | "approval_returned" | "infected_file" | "security_alert" | "webhook_disabled" | "recurring_problem" | "legacy";
            channel: components["schemas"]["NotificationChannel"];
            /**
             * @description An account, or the contact of an appeal filed without one
             * @enum {string}
             */
            recipientKind: "user" | "contact";
            status: components["schemas"]["NotificationDeliveryStatus"];
            /** @description Masked address */
            address: string | null;
            attempts: number;
            provider: string | null;
            lastError: string | null;
            /** @description Whether a retry can send it (its content is still kept) */
            retriable: boolean;
            /** Format: date-time */
            createdAt: string;
        };
        NotificationDeliveryRecordPageDto: {
            items: components["schemas"]["NotificationDeliveryRecordDto"][];
            nextCursor: string | null;
        };
        RetryNotificationDeliveriesDto: {
            /** @description Delivery ids; absent: every dead delivery (of the channel, if given), up to 10,000 a call */
            ids?: string[];
            channel?: components["schemas"]["NotificationChannel"];
        };
        RetryNotificationDeliveriesResultDto: {
            /** @description Dead deliveries put back to pending, due now */
            retried: number;
        };
        /** @enum {string} */
        NoticeKind: "registered" | "status_changed" | "staff_reply" | "documents_requested" | "documents_reminder" | "extended" | "redirected" | "law_notice" | "answer_ready" | "rating_requested" | "review_outcome" | "queue_new" | "assigned" | "citizen_reply" | "due_soon" | "first_reaction_overdue" | "overdue" | "escalated_to_department" | "low_rating" | "approval_requested" | "approval_returned" | "infected_file" | "security_alert" | "webhook_disabled" | "recurring_problem";
        /** @enum {string} */
        NoticeChannel: "in_app" | "email" | "sms" | "push";
        /** @enum {string} */
        NoticeLanguage: "ru" | "en";
        /** @enum {string} */
        NoticeAudience: "citizen" | "staff";
        /**
         * @description The {{placeholders}} this kind gives on this channel
         * @enum {string}
         */
        NoticePlaceholder: "number" | "no" | "subject" | "status" | "previousStatus" | "at" | "registeredAt" | "due" | "documentsDue" | "department" | "reason" | "rating" | "fileName" | "escalatedBy" | "alert" | "person" | "webhook" | "origin" | "failures" | "lastError" | "category" | "region" | "citizens" | "appeals" | "windowHours" | "link";
        NoticeTemplateTextDto: {
            /** @description The e-mail subject, or the push / in-app title; null for SMS */
            subject: string | null;
            body: string;
        };
        NoticeTemplateOverrideDto: {
            /** @description The e-mail subject, or the push / in-app title; null for SMS */
            subject: string | null;
            body: string;
            /** @description Saves since the built-in text was last in use (every change is in the audit log, before → after) */
            version: number;
            /** Format: date-time */
            updatedAt: string;
            /** Format: uuid */
            updatedBy: string | null;
        };
        NotificationTemplateDto: {
            kind: components["schemas"]["NoticeKind"];
            channel: components["schemas"]["NoticeChannel"];
            locale: components["schemas"]["NoticeLanguage"];
            audience: components["schemas"]["NoticeAudience"];
            /** @description Whether the channel has a subject (e-mail) or title (push, in-app) */
            hasSubject: boolean;
            /** @description The {{placeholders}} this kind gives on this channel */
            placeholders: components["schemas"]["NoticePlaceholder"][];
            /** @description The built-in text written as a template (parts said only when a fact is there shown as if it were) */
            builtIn: components["schemas"]["NoticeTemplateTextDto"];
            override: components["schemas"]["NoticeTemplateOverrideDto"] | null;
        };
        NotificationTemplatePreviewInputDto: {
            kind: components["schemas"]["NoticeKind"];
            channel: components["schemas"]["NoticeChannel"];
            locale: components["schemas"]["NoticeLanguage"];
            /** @description A draft subject; with body absent, the saved text (override or built-in) is shown */
            subject?: string | null;
            /** @description A draft body; absent: the saved text */
            body?: string;
        };
        /** @enum {string} */
        SmsEncoding: "GSM-7" | "UCS-2";
        SmsSizeDto: {
            encoding: components["schemas"]["SmsEncoding"];
            /** @description Segments the text costs */
            segments: number;
            /** @description GSM-7 septets or UCS-2 code units */
            units: number;
            /** @description The most segments a notice may cost */
            maxSegments: number;
        };
        NotificationTemplatePreviewDto: {
            channel: components["schemas"]["NoticeChannel"];
            subject: string | null;
            /** @description The text as sent (e-mail: the plain-text part) */
            text: string;
            /** @description The e-mail HTML part */
            html: string | null;
            /** @description SMS: what the text costs after fitting (at most two segments) */
            sms: components["schemas"]["SmsSizeDto"] | null;
            /** @description SMS: what the text would cost before fitting; above the limit the link is dropped and free values are cut */
            smsUnfitted: components["schemas"]["SmsSizeDto"] | null;
        };
        NotificationTemplateInputDto: {
            /** @description Required for e-mail, push and in-app; must be absent or null for SMS */
            subject?: string | null;
            /** @description Plain text with {{placeholders}}; escaped in the e-mail HTML */
            body: string;
        };
        /**
         * @description `replying` while the answer or message editor has focus or holds text
         * @enum {string}
         */
        PresenceActivity: "viewing" | "replying";
        PresenceHeartbeatDto: {
            /** @description `replying` while the answer or message editor has focus or holds text */
            activity: components["schemas"]["PresenceActivity"];
        };
        PresentStaffDto: {
            /** Format: uuid */
            userId: string;
            /** @example Иванов Иван Иванович */
            name: string;
            activity: components["schemas"]["PresenceActivity"];
        };
        AppealPresenceDto: {
            /** Format: uuid */
            appealId: string;
            /** @description The other staff members on the card now (never the caller) */
            present: components["schemas"]["PresentStaffDto"][];
            /** @description Seconds the caller stays shown without another heartbeat */
            ttlSeconds: number;
        };
        /** @enum {string} */
        WebhookEventType: "appeal.created" | "appeal.submitted" | "appeal.rechecked" | "appeal.withdrawn" | "appeal.closed" | "appeal.marked_important" | "appeal.unmarked_important" | "appeal.taken" | "appeal.assigned" | "appeal.documents_requested" | "appeal.sent_for_approval" | "appeal.approved" | "appeal.redirected" | "appeal.extended" | "appeal.no_answer_required" | "appeal.correspondence_terminated" | "appeal.reopened" | "appeal.answered" | "appeal.proposal_made" | "appeal.proposal_returned" | "appeal.reviewed" | "appeal.reclassified" | "appeal.clarification_requested" | "appeal.disputed" | "appeal.resubmitted" | "appeal.escalated" | "appeal.rated" | "appeal.materials_added" | "appeal.auto_closed" | "appeal.merged" | "appeal.answer_printed" | "appeal.overdue" | "appeal.deadline_approaching" | "appeal.first_reaction_overdue" | "appeal.message" | "appeal.documents_due_soon" | "appeal.file_infected" | "appeal.destroyed" | "audit.alert_raised" | "signal.recurring_problem";
        WebhookSubscriptionDto: {
            /** Format: uuid */
            id: string;
            name: string;
            url: string;
            events: components["schemas"]["WebhookEventType"][];
            departmentIds: string[];
            categoryIds: string[];
            enabled: boolean;
            /** @description Failed attempts in a row (WEBHOOK_DISABLE_AFTER_FAILURES disables it) */
            consecutiveFailures: number;
            /** Format: date-time */
            disabledAt: string | null;
            /** @description "admin", or the run of failures that disabled it */
            disabledReason: string | null;
            /** Format: date-time */
            secretRotatedAt: string | null;
            /** Format: date-time */
            createdAt: string;
            /** Format: date-time */
            updatedAt: string;
        };
        WebhookSubscriptionListDto: {
            items: components["schemas"]["WebhookSubscriptionDto"][];
        };
        WebhookSubscriptionInputDto: {
            /** @example СЭД «Дело» */
            name: string;
            /**
             * @description https (plain http only in demo mode); private addresses are refused unless allow-listed (WEBHOOK_ALLOW_LIST)
             * @example https://sed.body.gov.ru/hooks/otklik
             */
            url: string;
            events: components["schemas"]["WebhookEventType"][];
            /** @description Only events of appeals in these departments (empty: any) */
            departmentIds?: string[];
            /** @description Only events of appeals in these categories or subcategories (empty: any) */
            categoryIds?: string[];
            /** @default true */
            enabled?: boolean;
        };
        WebhookSubscriptionCreatedDto: {
            /** Format: uuid */
            id: string;
            name: string;
            url: string;
            events: components["schemas"]["WebhookEventType"][];
            departmentIds: string[];
            categoryIds: string[];
            enabled: boolean;
            /** @description Failed attempts in a row (WEBHOOK_DISABLE_AFTER_FAILURES disables it) */
            consecutiveFailures: number;
            /** Format: date-time */
            disabledAt: string | null;
            /** @description "admin", or the run of failures that disabled it */
            disabledReason: string | null;
            /** Format: date-time */
            secretRotatedAt: string | null;
            /** Format: date-time */
            createdAt: string;
            /** Format: date-time */
            updatedAt: string;
            /** @description The signing secret, shown once */
            secret: string;
        };
        WebhookSubscriptionPatchDto: {
            name?: string;
            url?: string;
            events?: components["schemas"]["WebhookEventType"][];
            departmentIds?: string[];
            categoryIds?: string[];
            /** @description Enabling a subscription disabled after failures clears its run of failures */
            enabled?: boolean;
        };
        WebhookSecretDto: {
            /**
             * @description The signing secret (Standard Webhooks form). Shown only here: it is stored encrypted and never read back.
             * @example whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw
             */
            secret: string;
        };
        /** @enum {string} */
        WebhookDeliveryStatus: "pending" | "delivered" | "dead";
        WebhookDeliveryDto: {
            /**
             * Format: uuid
             * @description The webhook-id (the same on every attempt and replay)
             */
            id: string;
            /** @description Outbox event id (null: a test event) */
            eventId: string | null;
            /** @example appeal.registered */
            eventType: string;
            status: components["schemas"]["WebhookDeliveryStatus"];
            attempts: number;
            replays: number;
            lastStatusCode: number | null;
            lastDurationMs: number | null;
            lastError: string | null;
            /** Format: date-time */
            lastAttemptAt: string | null;
            /**
             * Format: date-time
             * @description When a pending delivery is tried next
             */
            nextAttemptAt: string | null;
            /** Format: date-time */
            deliveredAt: string | null;
            /** Format: date-time */
            createdAt: string;
        };
        WebhookDeliveryPageDto: {
            items: components["schemas"]["WebhookDeliveryDto"][];
            nextCursor: string | null;
        };
        WebhookReplayResultDto: {
            /** @description Deliveries sent again (with their own webhook-id) */
            replayed: number;
        };
        WebhookReplayRangeDto: {
            /**
             * Format: date-time
             * @description Deliveries created at or after this time
             */
            from: string;
            /**
             * Format: date-time
             * @description Deliveries created before this time
             */
            to: string;
        };
        WebhookTestResultDto: {
            /**
             * Format: uuid
             * @description The test delivery (its webhook-id); see the delivery log for its outcome
             */
            deliveryId: string;
        };
        /** @enum {string} */
        ReportPeriod: "day" | "week" | "month" | "custom";
        PeriodDto: {
            /** @example 2026-03-01 */
            from: string;
            /** @example 2026-03-31 */
            to: string;
        };
        VolumeCountsDto: {
            /** @description Submitted in the period */
            received: number;
            /** @description Registered in the period (registration is immediate on submit, so equal to received) */
            registered: number;
            /** @description Answered in the period */
            answered: number;
            /** @description Closed in the period */
            closed: number;
        };
        VolumeRowDto: {
            /** @description Submitted in the period */
            received: number;
            /** @description Registered in the period (registration is immediate on submit, so equal to received) */
            registered: number;
            /** @description Answered in the period */
            answered: number;
            /** @description Closed in the period */
            closed: number;
            /** @description The day, category id, type, department id or channel */
            key: string | null;
        };
        HeatCellDto: {
            /** @description ISO weekday, 1 = Monday (Moscow time) */
            weekday: number;
            /** @description Hour 0–23 (Moscow time) */
            hour: number;
            count: number;
        };
        VolumeLinksDto: {
            /** @description GET /api/v1/staff/appeals query of the received number */
            received: string;
            answered: string;
            closed: string;
        };
        VolumeReportDto: {
            period: components["schemas"]["PeriodDto"];
            previousPeriod: components["schemas"]["PeriodDto"];
            totals: components["schemas"]["VolumeCountsDto"];
            previousTotals: components["schemas"]["VolumeCountsDto"];
            byDay: components["schemas"]["VolumeRowDto"][];
            previousByDay: components["schemas"]["VolumeRowDto"][];
            byCategory: components["schemas"]["VolumeRowDto"][];
            byType: components["schemas"]["VolumeRowDto"][];
            byDepartment: components["schemas"]["VolumeRowDto"][];
            byChannel: components["schemas"]["VolumeRowDto"][];
            heatMap: components["schemas"]["HeatCellDto"][];
            links: components["schemas"]["VolumeLinksDto"];
        };
        SlaFiguresDto: {
            /** @description Answered in the period */
            answered: number;
            /** @description Of those, answered by their deadline */
            answeredOnTime: number;
            /** @description answeredOnTime / answered */
            answeredOnTimeShare: number | null;
            /** @description First reactions in the period */
            reacted: number;
            reactedOnTime: number;
            reactedOnTimeShare: number | null;
            /** @description Working days from registration to answer, mean */
            meanAnswerWorkingDays: number | null;
            /** @description Exact median (percentile_cont 0.5) */
            medianAnswerWorkingDays: number | null;
            meanReactionWorkingDays: number | null;
            medianReactionWorkingDays: number | null;
            /** @description Appeals received in the period whose deadline was extended */
            extended: number;
            /** @description Appeals received in the period that were redirected */
            redirected: number;
            /** @description Redirects of appeals received in the period */
            redirects: number;
        };
        SlaDepartmentRowDto: {
            key: string | null;
            answered: number;
            answeredOnTime: number;
            answeredOnTimeShare: number | null;
            reacted: number;
            reactedOnTime: number;
            meanAnswerWorkingDays: number | null;
        };
        CountByKeyDto: {
            key: string | null;
            count: number;
        };
        OverdueNowDto: {
            total: number;
            /** @description By department id */
            byDepartment: components["schemas"]["CountByKeyDto"][];
            /** @description By assignee id (null: unassigned) */
            byOperator: components["schemas"]["CountByKeyDto"][];
            /** @description GET /api/v1/staff/appeals query of the overdue appeals */
            link: string;
        };
        SlaReportDto: {
            period: components["schemas"]["PeriodDto"];
            previousPeriod: components["schemas"]["PeriodDto"];
            totals: components["schemas"]["SlaFiguresDto"];
            previousTotals: components["schemas"]["SlaFiguresDto"];
            byDepartment: components["schemas"]["SlaDepartmentRowDto"][];
            overdueNow: components["schemas"]["OverdueNowDto"];
        };
        /** @enum {string} */
        AgeBucket: "0-1" | "2-5" | "6-10" | "11-30" | "31+";
        BacklogCellDto: {
            status: components["schemas"]["AppealStatus"];
            ageBucket: components["schemas"]["AgeBucket"];
            count: number;
        };
        OpenAppealDto: {
            /** Format: uuid */
            id: string;
            number: number;
            /** Format: uuid */
            departmentId: string | null;
            /** Format: uuid */
            assigneeId: string | null;
            status: components["schemas"]["AppealStatus"];
            /** Format: date-time */
            registeredAt: string;
            /** Format: date-time */
            dueAt: string | null;
            overdue: boolean;
        };
        BacklogReportDto: {
            /** @description Open (unanswered) appeals now */
            open: number;
            overdue: number;
            /** @description Open appeals in the general pool */
            pool: number;
            /** @description Open escalated appeals */
            escalated: number;
            byStatusAndAge: components["schemas"]["BacklogCellDto"][];
            oldest: components["schemas"]["OpenAppealDto"][];
            /** @description GET /api/v1/staff/appeals query of the open appeals */
            link: string;
        };
        ScoreCountDto: {
            score: number;
            count: number;
        };
        RatingRowDto: {
            key: string | null;
            rated: number;
            average: number | null;
        };
        RereviewItemDto: {
            /** Format: uuid */
            id: string;
            number: number;
            /** Format: uuid */
            departmentId: string | null;
            /** Format: uuid */
            assigneeId: string | null;
            /** Format: uuid */
            categoryId: string;
            rating: number;
            ratingComment: string | null;
            /** Format: date-time */
            ratedAt: string | null;
            status: components["schemas"]["AppealStatus"];
        };
        RereviewListDto: {
            total: number;
            /** @description Newest rating first, at most 50 */
            items: components["schemas"]["RereviewItemDto"][];
        };
        QualityReportDto: {
            period: components["schemas"]["PeriodDto"];
            /** @description Ratings given in the period */
            rated: number;
            average: number | null;
            previousAverage: number | null;
            distribution: components["schemas"]["ScoreCountDto"][];
            byDepartment: components["schemas"]["RatingRowDto"][];
            byCategory: components["schemas"]["RatingRowDto"][];
            /** @description By the appeal’s assignee */
            byOperator: components["schemas"]["RatingRowDto"][];
            /** @description Rated below 3 with a comment (now, any period) */
            rereview: components["schemas"]["RereviewListDto"];
            /** @description Re-reviews recorded in the period (staff action record-review), by outcome: upheld, reopened */
            reviews: components["schemas"]["CountByKeyDto"][];
            /** @description Decision appeals (disputes) filed in the period, by status now */
            disputes: components["schemas"]["CountByKeyDto"][];
            /** @description Appeals filed in the period by a citizen who had filed in the same category before */
            repeats: number;
        };
        ThanksByEmployeeDto: {
            /** Format: uuid */
            staffId: string;
            name: string | null;
            count: number;
        };
        GratitudeReportDto: {
            period: components["schemas"]["PeriodDto"];
            total: number;
            previousTotal: number;
            /** @description By gratitude category (quality of service, speed, courtesy) */
            byCategory: components["schemas"]["CountByKeyDto"][];
            /** @description By department */
            byDepartment: components["schemas"]["CountByKeyDto"][];
            /** @description Gratitudes naming an employee, by the employee thanked */
            byEmployee: components["schemas"]["ThanksByEmployeeDto"][];
        };
        OperatorRowDto: {
            /** Format: uuid */
            assigneeId: string;
            name: string | null;
            /** @description Received in the period and assigned to them now */
            assigned: number;
            /** @description Answered in the period */
            answered: number;
            /** @description Mean working days registration → answer of those answered */
            meanHandlingWorkingDays: number | null;
            /** @description Open appeals assigned to them now */
            openNow: number;
            overdueNow: number;
            /** @description Gratitudes registered in the period that name them */
            gratitudes: number;
        };
        OperatorsReportDto: {
            period: components["schemas"]["PeriodDto"];
            items: components["schemas"]["OperatorRowDto"][];
        };
        /** @enum {string} */
        ReportAppealSet: "received" | "answered" | "closed" | "open" | "overdue";
        /** @enum {string} */
        ReportName: "volume" | "sla" | "backlog" | "quality" | "gratitude" | "operators";
        Open311KeyDto: {
            /** Format: uuid */
            id: string;
            name: string;
            /** @description The first characters of the key, to tell keys apart */
            keyPrefix: string;
            /** Format: date-time */
            createdAt: string;
            /** Format: date-time */
            revokedAt: string | null;
            /**
             * Format: date-time
             * @description Last filing with the key
             */
            lastUsedAt: string | null;
        };
        Open311KeyListDto: {
            items: components["schemas"]["Open311KeyDto"][];
        };
        Open311KeyInputDto: {
            /**
             * @description The client app the key is for
             * @example Мобильное приложение «Мой город»
             */
            name: string;
        };
        Open311KeyCreatedDto: {
            /** Format: uuid */
            id: string;
            name: string;
            /** @description The first characters of the key, to tell keys apart */
            keyPrefix: string;
            /** Format: date-time */
            createdAt: string;
            /** Format: date-time */
            revokedAt: string | null;
            /**
             * Format: date-time
             * @description Last filing with the key
             */
            lastUsedAt: string | null;
            /** @description The api_key the client app sends; shown once (only its hash is kept) */
            key: string;
        };
        WidgetOriginsDto: {
            /**
             * @description Origins (scheme://host[:port], lower case) of the body's sites allowed to embed the citizen widget; the public catalog, CAPTCHA and filing routes answer CORS only to them
             * @example [
             *       "https://mintrans.example.ru"
             *     ]
             */
            origins: string[];
        };
        WidgetBodyDto: {
            /** @example administration */
            code: string;
            nameRu: string;
            nameEn: string;
            /** @description The body's categories: those whose appeals are routed into its department tree */
            categories: components["schemas"]["CategoryDto"][];
            /**
             * @description The link to a citizen's appeal in their cabinet (as the notices give it), `{number}` standing for the appeal's number: the widget shows it after an identified filing
             * @example https://otklik.example.gov.ru/cabinet/appeals/{number}
             */
            citizenAppealUrl: string;
        };
        /** @enum {string} */
        SedExportTarget: "dir" | "s3";
        /**
         * @description acknowledged: the СЭД sent its receipt
         * @enum {string}
         */
        SedPackageStatus: "exported" | "acknowledged";
        SedPackageDto: {
            /** Format: uuid */
            id: string;
            /** Format: date-time */
            createdAt: string;
            /**
             * Format: date-time
             * @description The window the package covers starts after this (null: the first package)
             */
            windowFrom: string | null;
            /**
             * Format: date-time
             * @description Registrations and answers up to this time are in it
             */
            windowTo: string;
            target: components["schemas"]["SedExportTarget"];
            /** @description The package folder or S3 key prefix */
            location: string;
            appealCount: number;
            answerCount: number;
            fileCount: number;
            appealNumbers: number[];
            /** @description SHA-256 of the package manifest */
            manifestSha256: string;
            /** @description acknowledged: the СЭД sent its receipt */
            status: components["schemas"]["SedPackageStatus"];
            /** Format: date-time */
            acknowledgedAt: string | null;
        };
        SedPackageListDto: {
            items: components["schemas"]["SedPackageDto"][];
        };
        /** @enum {string} */
        SedReceiptOutcome: "applied" | "already_applied" | "unknown_package" | "invalid";
        SedReceiptReportDto: {
            file: string;
            /** Format: uuid */
            packageId: string;
            outcome: components["schemas"]["SedReceiptOutcome"];
            /** @description Appeals marked «передано в СЭД» now */
            marked: number[];
            /** @description Named again: marked by an earlier receipt */
            already: number[];
            /** @description Numbers that are not appeals of this package (reported, not fatal) */
            unknown: number[];
            /** @description Why an invalid receipt was set aside (moved to rejected/) */
            error?: string;
        };
        SedExportRunDto: {
            /** @description The package written now; null when nothing was registered or answered since the last one */
            package: components["schemas"]["SedPackageDto"] | null;
            /** @description Receipts found and applied before the export */
            receipts: components["schemas"]["SedReceiptReportDto"][];
            /** @description Leftovers of an interrupted run removed from the target (package ids) */
            removedPartials: string[];
            /** @description Attachments left out of the package (not downloadable: infected or not yet scanned), as id:status */
            skippedFiles: string[];
        };
        RoutingRuleDto: {
            /** Format: uuid */
            id: string;
            position: number;
            name: string;
            appealType: components["schemas"]["AppealType"] | null;
            /** Format: uuid */
            categoryId: string | null;
            /** Format: uuid */
            subcategoryId: string | null;
            region: string | null;
            keywords: string[];
            /** Format: uuid */
            departmentId: string;
            active: boolean;
        };
        RoutingRuleInputDto: {
            /** @description Rules are tried in ascending position */
            position: number;
            name: string;
            appealType?: components["schemas"]["AppealType"] | null;
            /** Format: uuid */
            categoryId?: string | null;
            /** Format: uuid */
            subcategoryId?: string | null;
            /** @description Matches the appeal's extraFields.region */
            region?: string | null;
            /** @description Any of these words in the subject or text */
            keywords?: string[];
            /** Format: uuid */
            departmentId: string;
            /** @default true */
            active?: boolean;
        };
        RoutingTestInputDto: {
            type: components["schemas"]["AppealType"];
            /** Format: uuid */
            categoryId: string;
            /** Format: uuid */
            subcategoryId?: string | null;
            /** @default  */
            subject?: string;
            /** @default  */
            text?: string;
            /** @description Extra fields (routing reads region) */
            extraFields?: {
                [key: string]: unknown;
            };
        };
        /**
         * @description What decided: a rule, the category tree, or the general pool
         * @enum {string}
         */
        RouteDecidedBy: "rule" | "category" | "general_pool";
        RoutingTestResultDto: {
            /** Format: uuid */
            departmentId: string | null;
            departmentName: string | null;
            /** @description What decided: a rule, the category tree, or the general pool */
            decidedBy: components["schemas"]["RouteDecidedBy"];
            /** Format: uuid */
            ruleId: string | null;
            ruleName: string | null;
        };
        RoutingReplayInputDto: {
            /** @description Replay the appeals registered in this many last days */
            days: number;
            /** @description The draft rule set (not saved): replaces every saved rule for the replay */
            rules: components["schemas"]["RoutingRuleInputDto"][];
        };
        RoutingMoveDto: {
            /** Format: uuid */
            fromDepartmentId: string | null;
            fromDepartmentName: string | null;
            /** Format: uuid */
            toDepartmentId: string | null;
            toDepartmentName: string | null;
            count: number;
        };
        RoutingReplayExampleDto: {
            /** Format: uuid */
            appealId: string;
            number: number;
            /** Format: date-time */
            registeredAt: string;
            /**
             * Format: uuid
             * @description Where the appeal is now
             */
            currentDepartmentId: string | null;
            /**
             * Format: uuid
             * @description Where the saved rules send it
             */
            fromDepartmentId: string | null;
            /**
             * Format: uuid
             * @description Where the draft rules send it
             */
            toDepartmentId: string | null;
            /** @description The draft rule that matched, if any */
            ruleName: string | null;
        };
        RoutingReplayResultDto: {
            /** Format: date-time */
            since: string;
            days: number;
            /** @description Appeals replayed */
            scanned: number;
            /** @description The most appeals one replay reads */
            limit: number;
            /** @description True when more appeals were registered in the period than the limit (the newest were replayed) */
            truncated: boolean;
            /** @description Appeals the draft would send to another department than the saved rules do */
            moved: number;
            unchanged: number;
            /** @description Moves grouped by from → to, most first */
            moves: components["schemas"]["RoutingMoveDto"][];
            /** @description Up to 20 moved appeals, newest first */
            examples: components["schemas"]["RoutingReplayExampleDto"][];
            /** @description What the replay cost: rows read and the time it took */
            cost: string;
        };
        AnswerTemplateDto: {
            /** Format: uuid */
            id: string;
            title: string;
            body: string;
            result: components["schemas"]["AnswerResult"] | null;
            /** Format: uuid */
            departmentId: string | null;
            active: boolean;
        };
        AnswerTemplateInputDto: {
            title: string;
            /** @description Text with placeholders: {{number}}, {{type}}, {{subject}}, {{registeredOn}}, {{dueOn}}, {{executorName}}, {{executorPosition}}, {{department}} */
            body: string;
            result?: components["schemas"]["AnswerResult"] | null;
            /**
             * Format: uuid
             * @description Null: every department
             */
            departmentId?: string | null;
            /** @default true */
            active?: boolean;
        };
        /** @enum {string} */
        ApprovableBySetting: "extend" | "no-answer-required";
        WorkingHoursDto: {
            /**
             * @description ISO weekdays: 1 Monday … 7 Sunday
             * @example [
             *       1,
             *       2,
             *       3,
             *       4,
             *       5
             *     ]
             */
            days: number[];
            /**
             * @description Local start (HH:MM)
             * @example 09:00
             */
            from: string;
            /**
             * @description Local end (HH:MM); not after the start: the span crosses midnight
             * @example 18:00
             */
            to: string;
            /**
             * @description IANA time zone
             * @example Europe/Moscow
             */
            timeZone: string;
        };
        AdminDepartmentDto: {
            /** Format: uuid */
            id: string;
            code: string;
            nameRu: string;
            nameEn: string;
            /** Format: uuid */
            parentId: string | null;
            isGeneralPool: boolean;
            autoAssign: boolean;
            approvalRequiredFor: components["schemas"]["ApprovableBySetting"][];
            workingHours: components["schemas"]["WorkingHoursDto"] | null;
            /**
             * Format: uuid
             * @description The head an admin named; null: none
             */
            headId: string | null;
            /**
             * Format: date-time
             * @description Retired: takes no appeals and no staff
             */
            retiredAt: string | null;
        };
        DepartmentSettingsDto: {
            nameRu?: string;
            nameEn?: string;
            /**
             * Format: uuid
             * @description Move under another department (not into its own subtree: 422 department_cycle); null makes it a root
             */
            parentId?: string | null;
            /** @description Give new and redirected appeals to the department's least-loaded operator */
            autoAssign?: boolean;
            /** @description Staff actions the department's operators propose for a supervisor's approval instead of taking them (termination of correspondence always needs it) */
            approvalRequiredFor?: components["schemas"]["ApprovableBySetting"][];
            /** @description Restrict staff access to these hours (alerts outside them); null lifts the restriction */
            workingHours?: components["schemas"]["WorkingHoursDto"] | null;
            /**
             * Format: uuid
             * @description The department head: an active supervisor working in this department (else 422 invalid_department_head); overdue notices go to them. null: none named (the department's supervisors, else the nearest ancestor's, hear of them)
             */
            headId?: string | null;
        };
        AnswerSnippetDto: {
            /** Format: uuid */
            id: string;
            title: string;
            body: string;
            /** Format: uuid */
            departmentId: string | null;
            active: boolean;
        };
        AnswerSnippetInputDto: {
            title: string;
            /** @description The text inserted at the cursor (placeholders as in templates: {{number}}, {{dueOn}}, …) */
            body: string;
            /**
             * Format: uuid
             * @description The department allowed to use it; null: every department
             */
            departmentId?: string | null;
            /** @default true */
            active?: boolean;
        };
        SnippetViewDto: {
            /** Format: uuid */
            id: string;
            title: string;
            text: string;
        };
        DepartmentInputDto: {
            /**
             * @description Lower-case letters, digits and hyphens; unique
             * @example housing
             */
            code: string;
            nameRu: string;
            nameEn: string;
            /**
             * Format: uuid
             * @description The parent department (escalation goes there); null: a root
             */
            parentId: string | null;
        };
    };
    responses: never;
    parameters: never;
    requestBodies: never;
    headers: never;
    pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
    listAudit: {
        parameters: {
            query?: {
                limit?: number;
                /** @description nextCursor of the previous page */
                cursor?: string;
                /** @description From this instant (inclusive); a date means its 00:00 UTC */
                from?: string;
                /** @description Before this instant (exclusive); a date means its 00:00 UTC */
                to?: string;
                entityType?: string;
                entityId?: string;
                actorId?: string;
                /** @description Exact action, or a prefix ending with "." (e.g. "auth.") */
                action?: string;
                /** @description The client address the action came from (exact) */
                ip?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AuditPageDto"];
                };
            };
            /** @description Missing, expired or invalid access token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description The role may not use this route */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    exportAudit: {
        parameters: {
            query?: {
                limit?: number;
                /** @description nextCursor of the previous page */
                cursor?: string;
                /** @description From this instant (inclusive); a date means its 00:00 UTC */
                from?: string;
                /** @description Before this instant (exclusive); a date means its 00:00 UTC */
                to?: string;
                entityType?: string;
                entityId?: string;
                actorId?: string;
                /** @description Exact action, or a prefix ending with "." (e.g. "auth.") */
                action?: string;
                /** @description The client address the action came from (exact) */
                ip?: string;
                format?: "csv" | "pdf";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/csv": string;
                    "application/pdf": string;
                };
            };
            /** @description Missing, expired or invalid access token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description The role may not use this route */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    listAuditAlerts: {
        parameters: {
            query?: {
                limit?: number;
                /** @description nextCursor of the previous page */
                cursor?: string;
                status?: components["schemas"]["AuditAlertStatus"];
                kind?: components["schemas"]["AuditAlertKind"];
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AuditAlertPageDto"];
                };
            };
            /** @description Missing, expired or invalid access token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description The role may not use this route */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    resolveAuditAlert: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ResolveAlertDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AuditAlertDto"];
                };
            };
            /** @description Missing, expired or invalid access token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description The role may not use this route */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    searchAuditCitizens: {
        parameters: {
            query: {
                /** @description An exact e-mail, an exact phone (+7…, 8…), or a part of the name (at least 3 characters) */
                q: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CitizenMatchListDto"];
                };
            };
            /** @description Missing, expired or invalid access token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description The role may not use this route */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    listPersonalDataAccess: {
        parameters: {
            query?: {
                limit?: number;
                /** @description nextCursor of the previous page */
                cursor?: string;
            };
            header?: never;
            path: {
                citizenId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PersonalDataAccessPageDto"];
                };
            };
            /** @description Missing, expired or invalid access token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description The role may not use this route */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    listMyPersonalDataAccess: {
        parameters: {
            query?: {
                limit?: number;
                /** @description nextCursor of the previous page */
                cursor?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MyPersonalDataAccessPageDto"];
                };
            };
            /** @description Missing, expired or invalid access token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description The role may not use this route */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    listEventDeliveries: {
        parameters: {
            query?: {
                limit?: number;
                /** @description nextCursor of the previous page */
                cursor?: string;
                status?: components["schemas"]["EventDeliveryStatus"];
                consumer?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["EventDeliveryPageDto"];
                };
            };
            /** @description Missing, expired or invalid access token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description The role may not use this route */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    retryEventDeliveries: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["RetryEventDeliveriesDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RetryEventDeliveriesResultDto"];
                };
            };
            /** @description Missing, expired or invalid access token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description The role may not use this route */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    discardEventDeliveries: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["DiscardEventDeliveriesDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DiscardEventDeliveriesResultDto"];
                };
            };
            /** @description Missing, expired or invalid access token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description The role may not use this route */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    getQueueBoard: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["QueueBoardDto"];
                };
            };
            /** @description Missing, expired or invalid access token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description The role may not use this route */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    openQueueBoardSession: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["QueueBoardSessionDto"];
                };
            };
            /** @description Missing, expired or invalid access token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description The role may not use this route */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description queue_board_unavailable: no Redis (embedded mode), no board */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    login: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["LoginDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TokensDto"] | components["schemas"]["MfaRequiredDto"];
                };
            };
        };
    };
    verifyMfa: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["MfaVerifyDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TokensDto"];
                };
            };
        };
    };
    beginSignInEnrolment: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["BeginEnrolmentDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SignInEnrolmentDto"];
                };
            };
        };
    };
    confirmSignInEnrolment: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ConfirmEnrolmentDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["EnrolledTokensDto"];
                };
            };
        };
    };
    sendMfaSms: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["MfaTokenDto"];
            };
        };
        responses: {
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CodeSentDto"];
                };
            };
        };
    };
    getCaptcha: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CaptchaChallengeDto"];
                };
            };
        };
    };
    register: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["RegisterDto"];
            };
        };
        responses: {
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RegistrationStartedDto"];
                };
            };
        };
    };
    resendRegistrationCode: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ResendRegistrationCodeDto"];
            };
        };
        responses: {
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RegistrationStartedDto"];
                };
            };
        };
    };
    confirmRegistration: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ConfirmRegistrationDto"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TokensDto"];
                };
            };
        };
    };
    forgotPassword: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ForgotPasswordDto"];
            };
        };
        responses: {
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    resetPassword: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ResetPasswordDto"];
            };
        };
        responses: {
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    changeExpiredPassword: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ExpiredPasswordDto"];
            };
        };
        responses: {
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    refresh: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["RefreshDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TokensDto"];
                };
            };
        };
    };
    logout: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["RefreshDto"];
            };
        };
        responses: {
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    confirmContact: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ConfirmContactDto"];
            };
        };
        responses: {
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Missing, expired or invalid access token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description The role may not use this route */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    changePassword: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ChangePasswordDto"];
            };
        };
        responses: {
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Missing, expired or invalid access token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description The role may not use this route */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    startTotp: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TotpEnrolmentDto"];
                };
            };
            /** @description Missing, expired or invalid access token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description The role may not use this route */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    enableSmsMfa: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Missing, expired or invalid access token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description The role may not use this route */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    confirmTotp: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["TotpConfirmDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["BackupCodesDto"];
                };
            };
            /** @description Missing, expired or invalid access token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description The role may not use this route */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    disableMfa: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["DisableMfaDto"];
            };
        };
        responses: {
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Missing, expired or invalid access token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description The role may not use this route */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    listSessions: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SessionDto"][];
                };
            };
            /** @description Missing, expired or invalid access token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description The role may not use this route */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    revokeSession: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Missing, expired or invalid access token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description The role may not use this route */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    revokeOtherSessions: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RevokedSessionsDto"];
                };
            };
            /** @description Missing, expired or invalid access token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description The role may not use this route */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    esiaLogin: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Location: the provider authorization endpoint */
            302: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    esiaCallback: {
        parameters: {
            query: {
                error_description?: unknown;
                error?: unknown;
                state: unknown;
                code?: unknown;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Location: {PUBLIC_URL}/auth/esia/done#accessToken=…&refreshToken=…&expiresIn=…&tokenType=Bearer */
            302: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    listStaffAccounts: {
        parameters: {
            query?: {
                limit?: number;
                /** @description nextCursor of the previous page */
                cursor?: string;
                /** @description A part of the name or e-mail */
                q?: string;
                role?: components["schemas"]["StaffRole"];
                departmentId?: string;
                status?: components["schemas"]["StaffStatus"];
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["StaffAccountPageDto"];
                };
            };
            /** @description Missing, expired or invalid access token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description The role may not use this route */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    createStaffAccount: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["StaffAccountInputDto"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["StaffAccountDetailDto"];
                };
            };
            /** @description Missing, expired or invalid access token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description The role may not use this route */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    getStaffAccount: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["StaffAccountDetailDto"];
                };
            };
            /** @description Missing, expired or invalid access token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description The role may not use this route */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    updateStaffAccount: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["StaffAccountPatchDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["StaffAccountDetailDto"];
                };
            };
            /** @description Missing, expired or invalid access token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description The role may not use this route */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    lockStaffAccount: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["StaffLockDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["StaffAccountDetailDto"];
                };
            };
            /** @description Missing, expired or invalid access token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description The role may not use this route */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    unlockStaffAccount: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["StaffAccountDetailDto"];
                };
            };
            /** @description Missing, expired or invalid access token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description The role may not use this route */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    resetStaffMfa: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["StaffAccountDetailDto"];
                };
            };
            /** @description Missing, expired or invalid access token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description The role may not use this route */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    resetStaffPassword: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AccountLinkSentDto"];
                };
            };
            /** @description Missing, expired or invalid access token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description The role may not use this route */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    resendStaffInvitation: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AccountLinkSentDto"];
                };
            };
            /** @description Missing, expired or invalid access token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description The role may not use this route */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    revokeStaffSession: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
                sessionId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Missing, expired or invalid access token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description The role may not use this route */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    acceptAccountLink: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["AccountLinkAcceptDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AccountLinkAcceptedDto"];
                };
            };
        };
    };
    getMe: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MeDto"];
                };
            };
            /** @description Missing, expired or invalid access token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description The role may not use this route */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    updateMe: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["UpdateMeDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProfileDto"];
                };
            };
            /** @description Missing, expired or invalid access token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description The role may not use this route */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    listAppealTypes: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AppealTypeDto"][];
                };
            };
        };
    };
    listCategories: {
        parameters: {
            query?: {
                /** @description Only categories serving this type */
                type?: components["schemas"]["AppealType"];
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CategoryDto"][];
                };
            };
        };
    };
    listCategoryCodes: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AdminCategoryDto"][];
                };
            };
            /** @description Missing, expired or invalid access token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description The role may not use this route */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    createCategory: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateCategoryDto"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AdminCategoryDto"];
                };
            };
            /** @description Missing, expired or invalid access token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description The role may not use this route */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    reorderCategories: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ReorderCategoriesDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CategoryOrderDto"];
                };
            };
            /** @description Missing, expired or invalid access token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description The role may not use this route */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    updateCategory: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["UpdateCategoryDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AdminCategoryDto"];
                };
            };
            /** @description Missing, expired or invalid access token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description The role may not use this route */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    setCategorySchema: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CategorySchemaInputDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AdminCategoryDto"];
                };
            };
            /** @description Missing, expired or invalid access token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description The role may not use this route */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    listCategorySchemaVersions: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CategorySchemaVersionDto"][];
                };
            };
            /** @description Missing, expired or invalid access token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description The role may not use this route */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    retireCategory: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AdminCategoryDto"];
                };
            };
            /** @description Missing, expired or invalid access token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description The role may not use this route */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    reinstateCategory: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AdminCategoryDto"];
                };
            };
            /** @description Missing, expired or invalid access token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description The role may not use this route */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    setCategoryTotkCode: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["SetTotkCodeDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CategoryCodeDto"];
                };
            };
            /** @description Missing, expired or invalid access token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description The role may not use this route */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    listMyAppeals: {
        parameters: {
            query?: {
                limit?: number;
                /** @description nextCursor of the previous page */
                cursor?: string;
                /** @description From this date or instant (inclusive) */
                from?: string;
                /** @description Up to this date (inclusive) or instant (exclusive) */
                to?: string;
                status?: components["schemas"]["AppealStatus"];
                type?: components["schemas"]["AppealType"];
                categoryId?: string;
                /** @description Full-text search (Russian and English), ranked */
                q?: string;
                important?: boolean;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AppealListDto"];
                };
            };
            /** @description Missing, expired or invalid access token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description The role may not use this route */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    createAppeal: {
        parameters: {
            query?: never;
            header?: {
                /** @description A retried request with the same key and body returns the first response; another body → 422 */
                "Idempotency-Key"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateAppealDto"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AppealSummaryDto"];
                };
            };
            /** @description Missing, expired or invalid access token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /**
             * @description From another site: 403 widget_origin_not_allowed unless the admin allowed that origin for the body the category routes to
             *
             *     The role may not use this route
             */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    exportMyAppeals: {
        parameters: {
            query?: {
                limit?: number;
                /** @description nextCursor of the previous page */
                cursor?: string;
                /** @description From this date or instant (inclusive) */
                from?: string;
                /** @description Up to this date (inclusive) or instant (exclusive) */
                to?: string;
                status?: components["schemas"]["AppealStatus"];
                type?: components["schemas"]["AppealType"];
                categoryId?: string;
                /** @description Full-text search (Russian and English), ranked */
                q?: string;
                important?: boolean;
                format?: "csv" | "pdf";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/csv": string;
                    "application/pdf": string;
                };
            };
            /** @description Missing, expired or invalid access token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description The role may not use this route */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    prefillAppeal: {
        parameters: {
            query: {
                /** @description profile, template:<template id> or appeal:<appeal id or number> */
                from: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AppealPrefillDto"];
                };
            };
            /** @description Missing, expired or invalid access token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description The role may not use this route */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    getAppeal: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Appeal id (UUID) or human number */
                idOrNumber: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AppealDto"];
                };
            };
            /** @description Missing, expired or invalid access token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description The role may not use this route */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    updateAppeal: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Appeal id (UUID) or human number */
                idOrNumber: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["UpdateAppealDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AppealSummaryDto"];
                };
            };
            /** @description Missing, expired or invalid access token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description The role may not use this route */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    submitAppeal: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Appeal id (UUID) or human number */
                idOrNumber: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AppealSummaryDto"];
                };
            };
            /** @description Missing, expired or invalid access token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description The role may not use this route */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    getAppealHistory: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Appeal id (UUID) or human number */
                idOrNumber: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["HistoryEntryDto"][];
                };
            };
            /** @description Missing, expired or invalid access token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description The role may not use this route */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    listAppealMessages: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Appeal id (UUID) or human number */
                idOrNumber: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MessageDto"][];
                };
            };
            /** @description Missing, expired or invalid access token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description The role may not use this route */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    postAppealMessage: {
        parameters: {
            query?: never;
            header?: {
                /** @description A retried request with the same key and body returns the first response; another body → 422 */
                "Idempotency-Key"?: string;
            };
            path: {
                /** @description Appeal id (UUID) or human number */
                idOrNumber: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateMessageDto"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MessageDto"];
                };
            };
            /** @description Missing, expired or invalid access token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description The role may not use this route */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    listStaffAppeals: {
        parameters: {
            query?: {
                limit?: number;
                /** @description nextCursor of the previous page */
                cursor?: string;
                /** @description From this date or instant (inclusive) */
                from?: string;
                /** @description Up to this date (inclusive) or instant (exclusive) */
                to?: string;
                status?: components["schemas"]["AppealStatus"];
                type?: components["schemas"]["AppealType"];
                categoryId?: string;
                /** @description Full-text search (Russian and English), ranked */
                q?: string;
                important?: boolean;
                /** @description A named view of the queue (each has a count in GET /staff/appeals/counts) */
                view?: components["schemas"]["QueueView"];
                /** @description Every status but drafts (the console’s «Все»), instead of the view’s default ones */
                anyStatus?: boolean;
                /** @description Sort direction (default: the key’s natural one: due dates ascending, registration descending, the rest ascending) */
                dir?: "asc" | "desc";
                assigneeId?: string;
                /** @description Only the general pool (unrouted appeals) */
                pool?: boolean;
                overdue?: boolean;
                /** @description Escalated appeals (overdue, or turned to management by the citizen) of these departments and those escalated to them; answered ones included until closed */
                escalated?: boolean;
                /** @description The supervisor re-review list: answers rated below 3 with a comment (any status) */
                rereview?: boolean;
                /** @description Due before this instant */
                dueBefore?: string;
                /** @description One department of those the user may see */
                departmentId?: string;
                /** @description With departmentId: that department and every department below it (within the scope) */
                includeSubdepartments?: boolean;
                /** @description Any of these statuses, comma-separated (instead of the default open ones); a report’s drill-down passes the statuses its figure counts */
                statuses?: string;
                /** @description The instant from/to filter on */
                dateField?: components["schemas"]["AppealDateField"];
                channel?: components["schemas"]["AppealChannel"];
                /** @description How the citizen wants the answer; post: the operator prints the signed PDF and posts it */
                answerChannel?: components["schemas"]["AnswerChannel"];
                /** @description «Ответ почтой»: answered appeals whose answer goes by post and is not yet marked printed (any status) */
                toPrint?: boolean;
                /** @description The region extra field */
                region?: string;
                /** @description Answered by the deadline (true) or after it (false) */
                answeredOnTime?: boolean;
                /** @description Also count every matching appeal (total), e.g. to check a report figure */
                withTotal?: boolean;
                sort?: components["schemas"]["QueueSortKey"];
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["StaffAppealListDto"];
                };
            };
            /** @description Missing, expired or invalid access token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description The role may not use this route */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    registerStaffAppeal: {
        parameters: {
            query?: never;
            header?: {
                /** @description A retried request with the same key and body returns the first response; another body → 422 */
                "Idempotency-Key"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["StaffAppealInputDto"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["StaffAppealReceiptDto"];
                };
            };
            /** @description Missing, expired or invalid access token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description The role may not use this route */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    countStaffQueueViews: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["QueueCountsDto"];
                };
            };
            /** @description Missing, expired or invalid access token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description The role may not use this route */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    getStaffAppeal: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Appeal id (UUID) or human number */
                idOrNumber: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AppealDto"];
                };
            };
            /** @description Missing, expired or invalid access token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description The role may not use this route */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    getRelatedAppeals: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Appeal id (UUID) or human number */
                idOrNumber: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AppealRelationsDto"];
                };
            };
            /** @description Missing, expired or invalid access token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description The role may not use this route */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    revealAppealContact: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Appeal id (UUID) or human number */
                idOrNumber: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["RevealContactDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ContactViewDto"];
                };
            };
            /** @description Missing, expired or invalid access token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description The role may not use this route */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    listAnswerTemplatesForAppeal: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Appeal id (UUID) or human number */
                idOrNumber: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AnswerTemplateViewDto"][];
                };
            };
            /** @description Missing, expired or invalid access token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description The role may not use this route */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    listAppealDuplicates: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Appeal id (UUID) or human number */
                idOrNumber: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DuplicateCandidateDto"][];
                };
            };
            /** @description Missing, expired or invalid access token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description The role may not use this route */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    mergeAppeal: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The main appeal: id (UUID) or human number */
                idOrNumber: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["MergeAppealDto"];
            };
        };
        responses: {
            /** @description The linked duplicate */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AppealSummaryDto"];
                };
            };
            /** @description Missing, expired or invalid access token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description The role may not use this route */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    markAnswerPrinted: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Appeal id (UUID) or human number */
                idOrNumber: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AnswerPrintedDto"];
                };
            };
            /** @description Missing, expired or invalid access token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description The role may not use this route */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    filePublicAppeal: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["PublicAppealDto"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PublicAppealReceiptDto"];
                };
            };
            /** @description From another site: 403 widget_origin_not_allowed unless the admin allowed that origin for the body the category routes to */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Too many filings from this address; see Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    trackPublicAppeal: {
        parameters: {
            query: {
                /** @description The access code received when filing */
                accessCode: string;
            };
            header?: never;
            path: {
                /** @description The appeal number */
                number: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PublicAppealStatusDto"];
                };
            };
        };
    };
    openPublicUploadSession: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["PublicUploadSessionInputDto"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PublicUploadSessionDto"];
                };
            };
            /** @description Too many sessions from this address; see Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    uploadPublicAttachment: {
        parameters: {
            query?: never;
            header: {
                /** @description The token of POST /public/upload-sessions */
                "X-Upload-Session": string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "multipart/form-data": {
                    /** Format: binary */
                    file: string;
                };
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AttachmentDto"];
                };
            };
            /** @description Too many uploads from this address; see Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    listMyAppealTemplates: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AppealTemplateDto"][];
                };
            };
            /** @description Missing, expired or invalid access token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description The role may not use this route */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    createMyAppealTemplate: {
        parameters: {
            query?: never;
            header?: {
                /** @description A retried request with the same key and body returns the first response; another body → 422 */
                "Idempotency-Key"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateAppealTemplateDto"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AppealTemplateDto"];
                };
            };
            /** @description Missing, expired or invalid access token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description The role may not use this route */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    deleteMyAppealTemplate: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Missing, expired or invalid access token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description The role may not use this route */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    listThankableStaff: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ThankableStaffDto"][];
                };
            };
            /** @description Missing, expired or invalid access token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description The role may not use this route */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    listQueueFilters: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["QueueSavedFilterDto"][];
                };
            };
            /** @description Missing, expired or invalid access token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description The role may not use this route */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    createQueueFilter: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["SaveQueueFilterDto"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["QueueSavedFilterDto"];
                };
            };
            /** @description Missing, expired or invalid access token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description The role may not use this route */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    updateQueueFilter: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["SaveQueueFilterDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["QueueSavedFilterDto"];
                };
            };
            /** @description Missing, expired or invalid access token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description The role may not use this route */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    deleteQueueFilter: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Missing, expired or invalid access token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description The role may not use this route */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    listAppealAssignees: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Appeal id (UUID) or human number */
                idOrNumber: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AssigneeOptionDto"][];
                };
            };
            /** @description Missing, expired or invalid access token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description The role may not use this route */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    listAnswerDrafts: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Appeal id (UUID) or human number */
                idOrNumber: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AnswerDraftDto"][];
                };
            };
            /** @description Missing, expired or invalid access token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description The role may not use this route */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    bulkStaffAction: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["BulkActionDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["BulkResultDto"];
                };
            };
            /** @description Missing, expired or invalid access token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description The role may not use this route */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    staffAppealAction: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                idOrNumber: string;
                action: components["schemas"]["StaffRouteAction"];
            };
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": components["schemas"]["TakeActionBody"] | components["schemas"]["AssignActionBody"] | components["schemas"]["RequestDocumentsActionBody"] | components["schemas"]["SendForApprovalActionBody"] | components["schemas"]["ApproveActionBody"] | components["schemas"]["RedirectActionBody"] | components["schemas"]["ExtendActionBody"] | components["schemas"]["NoAnswerRequiredActionBody"] | components["schemas"]["TerminateCorrespondenceActionBody"] | components["schemas"]["ReopenActionBody"] | components["schemas"]["ProposeTerminationActionBody"] | components["schemas"]["ProposeExtensionActionBody"] | components["schemas"]["ProposeNoAnswerActionBody"] | components["schemas"]["ApproveProposalActionBody"] | components["schemas"]["ReturnProposalActionBody"] | components["schemas"]["ReturnAnswerActionBody"] | components["schemas"]["RecordReviewActionBody"] | components["schemas"]["EscalateStaffActionBody"] | components["schemas"]["ReclassifyActionBody"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AppealSummaryDto"];
                };
            };
            /** @description Missing, expired or invalid access token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description The role may not use this route */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    answerAppeal: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Appeal id (UUID) or human number */
                idOrNumber: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["AnswerInputDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AppealSummaryDto"];
                };
            };
            /** @description Missing, expired or invalid access token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description The role may not use this route */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    appealAction: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Appeal id (UUID) or human number */
                idOrNumber: string;
                action: components["schemas"]["AppealAction"];
            };
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": components["schemas"]["WithdrawActionBody"] | components["schemas"]["CloseActionBody"] | components["schemas"]["MarkImportantActionBody"] | components["schemas"]["UnmarkImportantActionBody"] | components["schemas"]["RequestClarificationActionBody"] | components["schemas"]["CitizenReopenActionBody"] | components["schemas"]["DisputeActionBody"] | components["schemas"]["ResubmitActionBody"] | components["schemas"]["EscalateActionBody"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AppealSummaryDto"];
                };
            };
            /** @description Missing, expired or invalid access token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description The role may not use this route */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    getAppealAnswer: {
        parameters: {
            query?: {
                format?: "json" | "xml" | "pdf";
            };
            header?: never;
            path: {
                /** @description Appeal id (UUID) or human number */
                idOrNumber: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": string;
                    "application/xml": string;
                    "application/pdf": string;
                };
            };
            /** @description Missing, expired or invalid access token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description The role may not use this route */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    rateAppeal: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Appeal id (UUID) or human number */
                idOrNumber: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["RatingDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AppealSummaryDto"];
                };
            };
            /** @description Missing, expired or invalid access token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description The role may not use this route */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    addAppealMaterials: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Appeal id (UUID) or human number */
                idOrNumber: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["AddMaterialsDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AppealSummaryDto"];
                };
            };
            /** @description Missing, expired or invalid access token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description The role may not use this route */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    extendAppealRetention: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Appeal id (UUID) or human number */
                idOrNumber: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["RetentionExtensionDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RetentionExtensionResultDto"];
                };
            };
            /** @description Missing, expired or invalid access token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description The role may not use this route */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    getAppealDossier: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Appeal id (UUID) or human number */
                idOrNumber: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/pdf": string;
                };
            };
            /** @description Missing, expired or invalid access token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description The role may not use this route */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    listAppealMacros: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AppealMacroDto"][];
                };
            };
            /** @description Missing, expired or invalid access token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description The role may not use this route */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    createAppealMacro: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["AppealMacroInputDto"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AppealMacroDto"];
                };
            };
            /** @description Missing, expired or invalid access token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description The role may not use this route */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    updateAppealMacro: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["AppealMacroInputDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AppealMacroDto"];
                };
            };
            /** @description Missing, expired or invalid access token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description The role may not use this route */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    deleteAppealMacro: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Missing, expired or invalid access token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description The role may not use this route */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    listMacrosForAppeal: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Appeal id (UUID) or human number */
                idOrNumber: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AppealMacroDto"][];
                };
            };
            /** @description Missing, expired or invalid access token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description The role may not use this route */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    applyAppealMacro: {
        parameters: {
            query?: never;
            header?: {
                /** @description A retried request with the same key and body returns the first response; another body → 422 */
                "Idempotency-Key"?: string;
            };
            path: {
                /** @description Appeal id (UUID) or human number */
                idOrNumber: string;
                macroId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ApplyMacroDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AppealSummaryDto"];
                };
            };
            /** @description Missing, expired or invalid access token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description The role may not use this route */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    listSlaPolicies: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SlaPolicyDto"][];
                };
            };
            /** @description Missing, expired or invalid access token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description The role may not use this route */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    upsertSlaPolicy: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["UpsertSlaPolicyDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SlaPolicyDto"];
                };
            };
            /** @description Missing, expired or invalid access token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description The role may not use this route */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    previewDeadline: {
        parameters: {
            query: {
                /** @description When the appeal would be registered: an ISO-8601 instant, or a date (midnight Moscow time) */
                from: string;
                type: components["schemas"]["AppealType"];
                /** @description A category: its own policy and priority flag apply */
                categoryId?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DeadlinePreviewDto"];
                };
            };
            /** @description Missing, expired or invalid access token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description The role may not use this route */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    getCalendarYear: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                year: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CalendarYearDto"];
                };
            };
            /** @description Missing, expired or invalid access token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description The role may not use this route */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    loadCalendarYear: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                year: number;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["LoadCalendarYearDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CalendarYearDto"];
                };
            };
            /** @description Missing, expired or invalid access token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description The role may not use this route */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    importCalendarYear: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                year: number;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ImportCalendarYearDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CalendarYearDto"];
                };
            };
            /** @description Missing, expired or invalid access token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description The role may not use this route */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    getRetentionSettings: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RetentionSettingsDto"];
                };
            };
            /** @description Missing, expired or invalid access token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description The role may not use this route */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    updateRetentionSettings: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["RetentionSettingsInputDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RetentionSettingsDto"];
                };
            };
            /** @description Missing, expired or invalid access token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description The role may not use this route */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    listRetentionDestructions: {
        parameters: {
            query?: {
                limit?: number;
                /** @description nextCursor of the previous page */
                cursor?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RetentionDestructionPageDto"];
                };
            };
            /** @description Missing, expired or invalid access token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description The role may not use this route */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    uploadAttachment: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "multipart/form-data": {
                    /**
                     * Format: uuid
                     * @description Optional, sent before `file`: the appeal it is meant for, so its limits are checked at once
                     */
                    appealId?: string;
                    /** Format: binary */
                    file: string;
                };
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AttachmentDto"];
                };
            };
            /** @description Missing, expired or invalid access token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description The role may not use this route */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    downloadAttachment: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Attachment id */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/octet-stream": string;
                };
            };
            /** @description Missing, expired or invalid access token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description The role may not use this route */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    deleteAttachment: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Attachment id */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Missing, expired or invalid access token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description The role may not use this route */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    previewAttachment: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Attachment id */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "image/jpeg": string;
                };
            };
            /** @description Missing, expired or invalid access token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description The role may not use this route */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    verifyAnswer: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "multipart/form-data": {
                    /**
                     * Format: binary
                     * @description The answer file as downloaded: JSON, XML or PDF (at most 10 MB); the format is told by the content
                     */
                    document: string;
                    /** @description For a JSON answer (required then): the detached JWS of its X-Answer-Signature header, as text or as a file */
                    signature?: string;
                };
            };
        };
        responses: {
            /** @description The verdict: valid or not (with a reason), and for a valid document who signed it, when, for which appeal */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AnswerVerificationDto"];
                };
            };
            /** @description The document is larger than 10 MB */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description No document part, a JSON document without a signature, or unknown parts */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Too many checks from this address; see Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    listSigningKeys: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SigningKeyDto"][];
                };
            };
            /** @description Missing, expired or invalid access token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description The role may not use this route */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    rotateSigningKey: {
        parameters: {
            query?: never;
            header?: {
                /** @description A retried request with the same key returns the key the first one made, and rotates nothing more */
                "Idempotency-Key"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The new active key */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SigningKeyDto"];
                };
            };
            /** @description Missing, expired or invalid access token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description The role may not use this route */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    listAuditCheckpoints: {
        parameters: {
            query?: {
                limit?: number;
                /** @description Only checkpoints of fewer rows than this (the next page: the last size seen) */
                before?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CheckpointListDto"];
                };
            };
            /** @description Missing, expired or invalid access token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description The role may not use this route */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    auditConsistencyProof: {
        parameters: {
            query: {
                /** @description Size of the earlier checkpoint */
                from: number;
                /** @description Size of the later checkpoint */
                to: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ConsistencyProofDto"];
                };
            };
            /** @description Missing, expired or invalid access token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description The role may not use this route */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    verifyAudit: {
        parameters: {
            query?: {
                /** @description First seq to check (moved back to just after the nearest signed checkpoint) */
                from?: number;
                /** @description Last seq to check (default: the head) */
                to?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["VerifyReportDto"];
                };
            };
            /** @description Missing, expired or invalid access token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description The role may not use this route */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    listNotifications: {
        parameters: {
            query?: {
                limit?: number;
                /** @description nextCursor of the previous page */
                cursor?: string;
                /** @description Only unread items */
                unread?: boolean;
                kind?: "registered" | "status_changed" | "staff_reply" | "documents_requested" | "documents_reminder" | "extended" | "redirected" | "law_notice" | "answer_ready" | "rating_requested" | "review_outcome" | "queue_new" | "assigned" | "citizen_reply" | "due_soon" | "first_reaction_overdue" | "overdue" | "escalated_to_department" | "low_rating" | "approval_requested" | "approval_returned" | "infected_file" | "security_alert" | "webhook_disabled" | "recurring_problem";
                appealId?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["NotificationPageDto"];
                };
            };
            /** @description Missing, expired or invalid access token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description The role may not use this route */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    countUnreadNotifications: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UnreadCountDto"];
                };
            };
            /** @description Missing, expired or invalid access token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description The role may not use this route */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    streamNotifications: {
        parameters: {
            query?: never;
            header?: {
                "Last-Event-ID"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description text/event-stream */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Missing, expired or invalid access token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description The role may not use this route */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    markNotificationsRead: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["MarkReadDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UnreadCountDto"];
                };
            };
            /** @description Missing, expired or invalid access token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description The role may not use this route */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    markAllNotificationsRead: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UnreadCountDto"];
                };
            };
            /** @description Missing, expired or invalid access token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description The role may not use this route */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    getNotificationPreferences: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["NotificationPreferencesDto"];
                };
            };
            /** @description Missing, expired or invalid access token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description The role may not use this route */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    updateNotificationPreferences: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["UpdateNotificationPreferencesDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["NotificationPreferencesDto"];
                };
            };
            /** @description Missing, expired or invalid access token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description The role may not use this route */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    getPushKey: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PushKeyDto"];
                };
            };
            /** @description Missing, expired or invalid access token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description The role may not use this route */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    listPushSubscriptions: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PushSubscriptionDto"][];
                };
            };
            /** @description Missing, expired or invalid access token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description The role may not use this route */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    addPushSubscription: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["PushSubscriptionInputDto"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PushSubscriptionDto"];
                };
            };
            /** @description Missing, expired or invalid access token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description The role may not use this route */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    removePushSubscription: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Missing, expired or invalid access token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description The role may not use this route */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    listAppealNotifications: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Appeal id (uuid) or number */
                idOrNumber: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["NotificationDeliveryDto"][];
                };
            };
            /** @description Missing, expired or invalid access token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description The role may not use this route */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    listNotificationDeliveries: {
        parameters: {
            query?: {
                limit?: number;
                /** @description nextCursor of the previous page */
                cursor?: string;
                status?: components["schemas"]["NotificationDeliveryStatus"];
                channel?: components["schemas"]["NotificationChannel"];
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["NotificationDeliveryRecordPageDto"];
                };
            };
            /** @description Missing, expired or invalid access token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description The role may not use this route */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    retryNotificationDeliveries: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["RetryNotificationDeliveriesDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RetryNotificationDeliveriesResultDto"];
                };
            };
            /** @description Missing, expired or invalid access token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description The role may not use this route */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    listNotificationTemplates: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["NotificationTemplateDto"][];
                };
            };
            /** @description Missing, expired or invalid access token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description The role may not use this route */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    previewNotificationTemplate: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["NotificationTemplatePreviewInputDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["NotificationTemplatePreviewDto"];
                };
            };
            /** @description Missing, expired or invalid access token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description The role may not use this route */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    saveNotificationTemplate: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                kind: components["schemas"]["NoticeKind"];
                channel: components["schemas"]["NoticeChannel"];
                lang: components["schemas"]["NoticeLanguage"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["NotificationTemplateInputDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["NotificationTemplateDto"];
                };
            };
            /** @description Missing, expired or invalid access token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description The role may not use this route */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    resetNotificationTemplate: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                kind: components["schemas"]["NoticeKind"];
                channel: components["schemas"]["NoticeChannel"];
                lang: components["schemas"]["NoticeLanguage"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Missing, expired or invalid access token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description The role may not use this route */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    beatAppealPresence: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Appeal id (UUID) or human number */
                idOrNumber: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["PresenceHeartbeatDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AppealPresenceDto"];
                };
            };
            /** @description Missing, expired or invalid access token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description The role may not use this route */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    leaveAppealPresence: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Appeal id (UUID) or human number */
                idOrNumber: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Missing, expired or invalid access token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description The role may not use this route */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    listWebhooks: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WebhookSubscriptionListDto"];
                };
            };
            /** @description Missing, expired or invalid access token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description The role may not use this route */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    createWebhook: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["WebhookSubscriptionInputDto"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WebhookSubscriptionCreatedDto"];
                };
            };
            /** @description Missing, expired or invalid access token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description The role may not use this route */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    getWebhook: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WebhookSubscriptionDto"];
                };
            };
            /** @description Missing, expired or invalid access token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description The role may not use this route */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    deleteWebhook: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Missing, expired or invalid access token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description The role may not use this route */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    updateWebhook: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["WebhookSubscriptionPatchDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WebhookSubscriptionDto"];
                };
            };
            /** @description Missing, expired or invalid access token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description The role may not use this route */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    rotateWebhookSecret: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WebhookSecretDto"];
                };
            };
            /** @description Missing, expired or invalid access token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description The role may not use this route */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    listWebhookDeliveries: {
        parameters: {
            query?: {
                limit?: number;
                /** @description nextCursor of the previous page */
                cursor?: string;
                status?: components["schemas"]["WebhookDeliveryStatus"];
            };
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WebhookDeliveryPageDto"];
                };
            };
            /** @description Missing, expired or invalid access token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description The role may not use this route */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    replayWebhookDelivery: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
                deliveryId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WebhookReplayResultDto"];
                };
            };
            /** @description Missing, expired or invalid access token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description The role may not use this route */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    replayWebhookRange: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["WebhookReplayRangeDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WebhookReplayResultDto"];
                };
            };
            /** @description Missing, expired or invalid access token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description The role may not use this route */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    sendWebhookTest: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WebhookTestResultDto"];
                };
            };
            /** @description Missing, expired or invalid access token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description The role may not use this route */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    getVolumeReport: {
        parameters: {
            query?: {
                period?: components["schemas"]["ReportPeriod"];
                /** @description A day of the day/week/month period (Moscow date); today by default */
                at?: string;
                /** @description First day of a custom period (inclusive) */
                from?: string;
                /** @description Last day of a custom period (inclusive) */
                to?: string;
                /** @description The department and all below it (within the viewer’s scope) */
                departmentId?: string;
                /** @description A category or subcategory */
                categoryId?: string;
                type?: components["schemas"]["AppealType"];
                channel?: components["schemas"]["AppealChannel"];
                /** @description The region extra field (regional categories) */
                region?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["VolumeReportDto"];
                };
            };
            /** @description Missing, expired or invalid access token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description The role may not use this route */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    getSlaReport: {
        parameters: {
            query?: {
                period?: components["schemas"]["ReportPeriod"];
                /** @description A day of the day/week/month period (Moscow date); today by default */
                at?: string;
                /** @description First day of a custom period (inclusive) */
                from?: string;
                /** @description Last day of a custom period (inclusive) */
                to?: string;
                /** @description The department and all below it (within the viewer’s scope) */
                departmentId?: string;
                /** @description A category or subcategory */
                categoryId?: string;
                type?: components["schemas"]["AppealType"];
                channel?: components["schemas"]["AppealChannel"];
                /** @description The region extra field (regional categories) */
                region?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SlaReportDto"];
                };
            };
            /** @description Missing, expired or invalid access token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description The role may not use this route */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    getBacklogReport: {
        parameters: {
            query?: {
                period?: components["schemas"]["ReportPeriod"];
                /** @description A day of the day/week/month period (Moscow date); today by default */
                at?: string;
                /** @description First day of a custom period (inclusive) */
                from?: string;
                /** @description Last day of a custom period (inclusive) */
                to?: string;
                /** @description The department and all below it (within the viewer’s scope) */
                departmentId?: string;
                /** @description A category or subcategory */
                categoryId?: string;
                type?: components["schemas"]["AppealType"];
                channel?: components["schemas"]["AppealChannel"];
                /** @description The region extra field (regional categories) */
                region?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["BacklogReportDto"];
                };
            };
            /** @description Missing, expired or invalid access token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description The role may not use this route */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    getQualityReport: {
        parameters: {
            query?: {
                period?: components["schemas"]["ReportPeriod"];
                /** @description A day of the day/week/month period (Moscow date); today by default */
                at?: string;
                /** @description First day of a custom period (inclusive) */
                from?: string;
                /** @description Last day of a custom period (inclusive) */
                to?: string;
                /** @description The department and all below it (within the viewer’s scope) */
                departmentId?: string;
                /** @description A category or subcategory */
                categoryId?: string;
                type?: components["schemas"]["AppealType"];
                channel?: components["schemas"]["AppealChannel"];
                /** @description The region extra field (regional categories) */
                region?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["QualityReportDto"];
                };
            };
            /** @description Missing, expired or invalid access token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description The role may not use this route */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    getGratitudeReport: {
        parameters: {
            query?: {
                period?: components["schemas"]["ReportPeriod"];
                /** @description A day of the day/week/month period (Moscow date); today by default */
                at?: string;
                /** @description First day of a custom period (inclusive) */
                from?: string;
                /** @description Last day of a custom period (inclusive) */
                to?: string;
                /** @description The department and all below it (within the viewer’s scope) */
                departmentId?: string;
                /** @description A category or subcategory */
                categoryId?: string;
                type?: components["schemas"]["AppealType"];
                channel?: components["schemas"]["AppealChannel"];
                /** @description The region extra field (regional categories) */
                region?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["GratitudeReportDto"];
                };
            };
            /** @description Missing, expired or invalid access token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description The role may not use this route */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    getOperatorsReport: {
        parameters: {
            query?: {
                period?: components["schemas"]["ReportPeriod"];
                /** @description A day of the day/week/month period (Moscow date); today by default */
                at?: string;
                /** @description First day of a custom period (inclusive) */
                from?: string;
                /** @description Last day of a custom period (inclusive) */
                to?: string;
                /** @description The department and all below it (within the viewer’s scope) */
                departmentId?: string;
                /** @description A category or subcategory */
                categoryId?: string;
                type?: components["schemas"]["AppealType"];
                channel?: components["schemas"]["AppealChannel"];
                /** @description The region extra field (regional categories) */
                region?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OperatorsReportDto"];
                };
            };
            /** @description Missing, expired or invalid access token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description The role may not use this route */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    exportStatutoryReport: {
        parameters: {
            query: {
                period?: components["schemas"]["ReportPeriod"];
                /** @description A day of the day/week/month period (Moscow date); today by default */
                at?: string;
                /** @description First day of a custom period (inclusive) */
                from?: string;
                /** @description Last day of a custom period (inclusive) */
                to?: string;
                /** @description The department and all below it (within the viewer’s scope) */
                departmentId?: string;
                /** @description A category or subcategory */
                categoryId?: string;
                type?: components["schemas"]["AppealType"];
                channel?: components["schemas"]["AppealChannel"];
                /** @description The region extra field (regional categories) */
                region?: string;
                /** @description The month of the form (YYYY-MM) */
                month: string;
                format?: "csv" | "xlsx";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": string;
                    "text/csv": string;
                };
            };
            /** @description Missing, expired or invalid access token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description The role may not use this route */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    exportReportAppeals: {
        parameters: {
            query?: {
                period?: components["schemas"]["ReportPeriod"];
                /** @description A day of the day/week/month period (Moscow date); today by default */
                at?: string;
                /** @description First day of a custom period (inclusive) */
                from?: string;
                /** @description Last day of a custom period (inclusive) */
                to?: string;
                /** @description The department and all below it (within the viewer’s scope) */
                departmentId?: string;
                /** @description A category or subcategory */
                categoryId?: string;
                type?: components["schemas"]["AppealType"];
                channel?: components["schemas"]["AppealChannel"];
                /** @description The region extra field (regional categories) */
                region?: string;
            };
            header?: never;
            path: {
                set: components["schemas"]["ReportAppealSet"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/csv": string;
                };
            };
            /** @description Missing, expired or invalid access token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description The role may not use this route */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    exportReport: {
        parameters: {
            query?: {
                period?: components["schemas"]["ReportPeriod"];
                /** @description A day of the day/week/month period (Moscow date); today by default */
                at?: string;
                /** @description First day of a custom period (inclusive) */
                from?: string;
                /** @description Last day of a custom period (inclusive) */
                to?: string;
                /** @description The department and all below it (within the viewer’s scope) */
                departmentId?: string;
                /** @description A category or subcategory */
                categoryId?: string;
                type?: components["schemas"]["AppealType"];
                channel?: components["schemas"]["AppealChannel"];
                /** @description The region extra field (regional categories) */
                region?: string;
                /** @description pdf: the charts and every figure, names in place of ids */
                format?: "csv" | "xlsx" | "pdf";
            };
            header?: never;
            path: {
                report: components["schemas"]["ReportName"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/csv": string;
                    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": string;
                    "application/pdf": string;
                };
            };
            /** @description Missing, expired or invalid access token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description The role may not use this route */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    listOpen311Keys: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Open311KeyListDto"];
                };
            };
            /** @description Missing, expired or invalid access token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description The role may not use this route */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    createOpen311Key: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["Open311KeyInputDto"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Open311KeyCreatedDto"];
                };
            };
            /** @description Missing, expired or invalid access token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description The role may not use this route */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    revokeOpen311Key: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Open311KeyDto"];
                };
            };
            /** @description Missing, expired or invalid access token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description The role may not use this route */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    getWidgetOrigins: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WidgetOriginsDto"];
                };
            };
            /** @description Missing, expired or invalid access token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description The role may not use this route */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    replaceWidgetOrigins: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["WidgetOriginsDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WidgetOriginsDto"];
                };
            };
            /** @description Missing, expired or invalid access token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description The role may not use this route */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    getBodyWidgetOrigins: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WidgetOriginsDto"];
                };
            };
            /** @description Missing, expired or invalid access token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description The role may not use this route */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    replaceBodyWidgetOrigins: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["WidgetOriginsDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WidgetOriginsDto"];
                };
            };
            /** @description Missing, expired or invalid access token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description The role may not use this route */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    esiaWidgetLogin: {
        parameters: {
            query: {
                /** @description The origin of the page the widget is on (location.origin): it receives the token */
                origin: string;
                /** @description The body the widget is embedded for (its code or id): `origin` must then be allowed for that body */
                body?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Location: the provider authorization endpoint */
            302: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    getWidgetBody: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The body’s code or id (a top-level department) */
                body: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WidgetBodyDto"];
                };
            };
        };
    };
    listSedExports: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SedPackageListDto"];
                };
            };
            /** @description Missing, expired or invalid access token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description The role may not use this route */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    runSedExport: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SedExportRunDto"];
                };
            };
            /** @description Missing, expired or invalid access token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description The role may not use this route */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    healthLive: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    healthReady: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The Health Check is successful */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /**
                         * @example ok
                         * @enum {string}
                         */
                        status?: "ok" | "degraded";
                        /**
                         * @example {
                         *       "database": {
                         *         "status": "up",
                         *         "responseTime": 12
                         *       }
                         *     }
                         */
                        info?: {
                            [key: string]: {
                                /** @enum {string} */
                                status: "up" | "degraded" | "down";
                                /** @description Time the health indicator took to respond, in ms */
                                responseTime?: number;
                            } & {
                                [key: string]: unknown;
                            };
                        } | null;
                        /** @example {} */
                        error?: {
                            [key: string]: {
                                /** @enum {string} */
                                status: "up" | "degraded" | "down";
                                /** @description Time the health indicator took to respond, in ms */
                                responseTime?: number;
                            } & {
                                [key: string]: unknown;
                            };
                        } | null;
                        /**
                         * @example {
                         *       "database": {
                         *         "status": "up",
                         *         "responseTime": 12
                         *       }
                         *     }
                         */
                        details?: {
                            [key: string]: {
                                /** @enum {string} */
                                status: "up" | "degraded" | "down";
                                /** @description Time the health indicator took to respond, in ms */
                                responseTime?: number;
                            } & {
                                [key: string]: unknown;
                            };
                        };
                    };
                };
            };
            /** @description The Health Check is not successful */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /**
                         * @example error
                         * @enum {string}
                         */
                        status?: "error" | "shutting_down";
                        /**
                         * @example {
                         *       "database": {
                         *         "status": "up",
                         *         "responseTime": 12
                         *       }
                         *     }
                         */
                        info?: {
                            [key: string]: {
                                /** @enum {string} */
                                status: "up" | "degraded" | "down";
                                /** @description Time the health indicator took to respond, in ms */
                                responseTime?: number;
                            } & {
                                [key: string]: unknown;
                            };
                        } | null;
                        /**
                         * @example {
                         *       "redis": {
                         *         "status": "down",
                         *         "message": "Could not connect",
                         *         "responseTime": 3005
                         *       }
                         *     }
                         */
                        error?: {
                            [key: string]: {
                                /** @enum {string} */
                                status: "up" | "degraded" | "down";
                                /** @description Time the health indicator took to respond, in ms */
                                responseTime?: number;
                            } & {
                                [key: string]: unknown;
                            };
                        } | null;
                        /**
                         * @example {
                         *       "database": {
                         *         "status": "up",
                         *         "responseTime": 12
                         *       },
                         *       "redis": {
                         *         "status": "down",
                         *         "message": "Could not connect",
                         *         "responseTime": 3005
                         *       }
                         *     }
                         */
                        details?: {
                            [key: string]: {
                                /** @enum {string} */
                                status: "up" | "degraded" | "down";
                                /** @description Time the health indicator took to respond, in ms */
                                responseTime?: number;
                            } & {
                                [key: string]: unknown;
                            };
                        };
                    };
                };
            };
        };
    };
    listRoutingRules: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RoutingRuleDto"][];
                };
            };
            /** @description Missing, expired or invalid access token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description The role may not use this route */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    createRoutingRule: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["RoutingRuleInputDto"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RoutingRuleDto"];
                };
            };
            /** @description Missing, expired or invalid access token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description The role may not use this route */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    testRoutingRules: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["RoutingTestInputDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RoutingTestResultDto"];
                };
            };
            /** @description Missing, expired or invalid access token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description The role may not use this route */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    replayRoutingRules: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["RoutingReplayInputDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RoutingReplayResultDto"];
                };
            };
            /** @description Missing, expired or invalid access token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description The role may not use this route */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    updateRoutingRule: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["RoutingRuleInputDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RoutingRuleDto"];
                };
            };
            /** @description Missing, expired or invalid access token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description The role may not use this route */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    deleteRoutingRule: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Missing, expired or invalid access token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description The role may not use this route */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    listAnswerTemplates: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AnswerTemplateDto"][];
                };
            };
            /** @description Missing, expired or invalid access token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description The role may not use this route */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    createAnswerTemplate: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["AnswerTemplateInputDto"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AnswerTemplateDto"];
                };
            };
            /** @description Missing, expired or invalid access token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description The role may not use this route */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    updateAnswerTemplate: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["AnswerTemplateInputDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AnswerTemplateDto"];
                };
            };
            /** @description Missing, expired or invalid access token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description The role may not use this route */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    deleteAnswerTemplate: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Missing, expired or invalid access token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description The role may not use this route */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    listDepartments: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AdminDepartmentDto"][];
                };
            };
            /** @description Missing, expired or invalid access token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description The role may not use this route */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    createDepartment: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["DepartmentInputDto"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AdminDepartmentDto"];
                };
            };
            /** @description Missing, expired or invalid access token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description The role may not use this route */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    updateDepartment: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["DepartmentSettingsDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AdminDepartmentDto"];
                };
            };
            /** @description Missing, expired or invalid access token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description The role may not use this route */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    listStaffDepartments: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DepartmentDto"][];
                };
            };
            /** @description Missing, expired or invalid access token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description The role may not use this route */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    listAnswerSnippets: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AnswerSnippetDto"][];
                };
            };
            /** @description Missing, expired or invalid access token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description The role may not use this route */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    createAnswerSnippet: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["AnswerSnippetInputDto"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AnswerSnippetDto"];
                };
            };
            /** @description Missing, expired or invalid access token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description The role may not use this route */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    updateAnswerSnippet: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["AnswerSnippetInputDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AnswerSnippetDto"];
                };
            };
            /** @description Missing, expired or invalid access token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description The role may not use this route */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    deleteAnswerSnippet: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Missing, expired or invalid access token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description The role may not use this route */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    listSnippetsForAppeal: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Appeal id (UUID) or human number */
                idOrNumber: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SnippetViewDto"][];
                };
            };
            /** @description Missing, expired or invalid access token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description The role may not use this route */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    retireDepartment: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AdminDepartmentDto"];
                };
            };
            /** @description Missing, expired or invalid access token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description The role may not use this route */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
}
