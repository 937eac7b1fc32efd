/* Generated from shared/api/openapi.json by npm run openapi:sync. Do not edit. */
export interface paths {
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
        /** Second factor: TOTP, SMS/e-mail code or a backup code */
        post: operations["verifyMfa"];
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
        patch?: never;
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
    "/api/v1/appeals/{idOrNumber}/actions/{action}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** A citizen action: withdraw, close, mark-important, unmark-important */
        post: operations["appealAction"];
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
}
export type webhooks = Record<string, never>;
export interface components {
    schemas: {
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
        MfaRequiredDto: {
            /** @enum {boolean} */
            mfaRequired: true;
            /** @description Short-lived token for POST /auth/mfa and /auth/mfa/sms */
            mfaToken: string;
            methods: components["schemas"]["MfaMethod"][];
            /** @description Where a code was sent right away (e-mail fallback for staff without a factor) */
            codeSentTo: string | null;
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
        Role: "citizen" | "operator" | "supervisor" | "admin" | "auditor";
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
        MeDto: {
            /** Format: uuid */
            id: string;
            email: string;
            fullName: string;
            role: components["schemas"]["Role"];
            position: string | null;
            department: components["schemas"]["DepartmentDto"] | null;
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
            children: components["schemas"]["CategoryDto"][];
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
            /**
             * @description Save as a draft (no number, not registered)
             * @default false
             */
            draft?: boolean;
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
            /** @description Search rank, when the list was searched with q */
            rank?: number;
        };
        AppealListDto: {
            items: components["schemas"]["AppealSummaryDto"][];
            /** @description Opaque cursor of the next page; null on the last page */
            nextCursor: string | null;
        };
        ContactViewDto: {
            phone?: string;
            email?: string;
            address?: string;
        };
        /**
         * @description What the citizen may do now
         * @enum {string}
         */
        CitizenAction: "submit" | "edit" | "withdraw" | "close" | "mark-important" | "unmark-important";
        /** @enum {string} */
        HistoryEvent: "created" | "submitted" | "rechecked" | "withdrawn" | "closed" | "marked_important" | "unmarked_important";
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
            /** @description Search rank, when the list was searched with q */
            rank?: number;
            text: string;
            /** Format: date */
            desiredAnswerDate: string | null;
            extraFields: {
                [key: string]: unknown;
            };
            /** @description Masked for staff */
            contact: components["schemas"]["ContactViewDto"] | null;
            /** Format: date-time */
            firstResponseDueAt: string | null;
            /** Format: date-time */
            closedAt: string | null;
            /** Format: date-time */
            updatedAt: string;
            /** @description What the citizen may do now */
            allowedActions: components["schemas"]["CitizenAction"][];
            history: components["schemas"]["HistoryEntryDto"][];
            messages: components["schemas"]["MessageDto"][];
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
        };
        /** @enum {string} */
        AppealAction: "withdraw" | "close" | "mark-important" | "unmark-important";
        ActionBodyDto: {
            /** @description Why (shown in the history) */
            comment?: string;
        };
        CreateMessageDto: {
            text: string;
            /**
             * @description Staff only: an internal note the citizen never sees
             * @default false
             */
            internal?: boolean;
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
    listMyAppeals: {
        parameters: {
            query?: {
                status?: components["schemas"]["AppealStatus"];
                type?: components["schemas"]["AppealType"];
                categoryId?: string;
                /** @description From this date or instant (inclusive) */
                from?: string;
                /** @description Up to this date (inclusive) or instant (exclusive) */
                to?: string;
                /** @description Full-text search (Russian and English), ranked */
                q?: string;
                important?: boolean;
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
            /** @description The role may not use this route */
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
                status?: components["schemas"]["AppealStatus"];
                type?: components["schemas"]["AppealType"];
                categoryId?: string;
                /** @description From this date or instant (inclusive) */
                from?: string;
                /** @description Up to this date (inclusive) or instant (exclusive) */
                to?: string;
                /** @description Full-text search (Russian and English), ranked */
                q?: string;
                important?: boolean;
                limit?: number;
                /** @description nextCursor of the previous page */
                cursor?: string;
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
                "application/json": components["schemas"]["ActionBodyDto"];
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
                status?: components["schemas"]["AppealStatus"];
                type?: components["schemas"]["AppealType"];
                categoryId?: string;
                /** @description From this date or instant (inclusive) */
                from?: string;
                /** @description Up to this date (inclusive) or instant (exclusive) */
                to?: string;
                /** @description Full-text search (Russian and English), ranked */
                q?: string;
                important?: boolean;
                limit?: number;
                /** @description nextCursor of the previous page */
                cursor?: string;
                assigneeId?: string;
                /** @description Only the general pool (unrouted appeals) */
                pool?: boolean;
                overdue?: boolean;
                /** @description Due before this instant */
                dueBefore?: string;
                /** @description One department of those the user may see */
                departmentId?: string;
                sort?: "dueAt" | "registeredAt";
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
}
