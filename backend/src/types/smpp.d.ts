/**
 * The part of `smpp` (node-smpp 0.5, plain JavaScript without typings) the SMS driver and the test
 * SMSC use. PDU fields are named as in the SMPP specification; decoded `short_message` and
 * `message_payload` are `{ udh?: Buffer[]; message: string | Buffer }`.
 */
declare module 'smpp' {
  import { EventEmitter } from 'node:events';
  import { Server as NetServer, Socket } from 'node:net';

  export interface DecodedMessage {
    /** Information elements of the user data header, each starting with its IEI byte. */
    udh?: Buffer[];
    message: string | Buffer;
  }

  export class PDU {
    constructor(command: string, options?: Record<string, unknown>);
    command: string;
    command_id: number;
    command_status: number;
    sequence_number: number;
    [field: string]: any;
    isResponse(): boolean;
    response(options?: Record<string, unknown>): PDU;
  }

  export type ResponseCallback = (pdu: PDU) => void;

  export class Session extends EventEmitter {
    constructor(options: Record<string, unknown>);
    socket: Socket;
    server?: Server;
    send(pdu: PDU, responseCallback?: ResponseCallback, sendCallback?: ResponseCallback): boolean;
    pause(): void;
    resume(): void;
    close(callback?: () => void): void;
    destroy(callback?: () => void): void;
    bind_transceiver(options: Record<string, unknown>, responseCallback?: ResponseCallback): boolean;
    submit_sm(options: Record<string, unknown>, responseCallback?: ResponseCallback): boolean;
    deliver_sm(options: Record<string, unknown>, responseCallback?: ResponseCallback): boolean;
    enquire_link(options?: Record<string, unknown> | ResponseCallback, responseCallback?: ResponseCallback): boolean;
    unbind(options?: Record<string, unknown> | ResponseCallback, responseCallback?: ResponseCallback): boolean;
  }

  export class Server extends NetServer {
    sessions: Session[];
  }

  export interface ConnectOptions {
    url?: string;
    host?: string;
    port?: number;
    tls?: boolean;
    auto_enquire_link_period?: number;
    [option: string]: unknown;
  }

  export function connect(options: ConnectOptions, listener?: () => void): Session;
  export function createServer(options: Record<string, unknown>, listener?: (session: Session) => void): Server;
  export function createServer(listener?: (session: Session) => void): Server;

  export const gsmCoder: {
    encode(text: string, shift: number): Buffer;
    decode(bytes: Buffer, shift: number): string;
  };
  export const encodings: Record<'ASCII' | 'LATIN1' | 'UCS2', { match(text: string): boolean; encode(text: string): Buffer; decode(bytes: Buffer): string }>;
  export const errors: Record<string, number>;
  export const consts: {
    ESM_CLASS: Record<string, number>;
    MESSAGE_STATE: Record<string, number>;
    ENCODING: Record<string, number>;
    TON: Record<string, number>;
    NPI: Record<string, number>;
    REGISTERED_DELIVERY: Record<string, number>;
  };
  export const ESME_ROK: number;
  export const ESME_RBINDFAIL: number;
  export const ESME_RINVPASWD: number;
  export const ESME_RSYSERR: number;
  export const ESME_RTHROTTLED: number;
}
