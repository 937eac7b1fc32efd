import { AddressInfo } from 'node:net';
import { createServer, errors, PDU, Session } from 'smpp';

/** One text message as the SMSC saw it: its parts reassembled and decoded. */
export interface SmppSubmit {
  destination: string;
  source: string;
  text: string;
  /** data_coding of the parts (0 GSM 03.38, 8 UCS-2). */
  dataCoding: number;
  /** submit_sm PDUs it came in. */
  pdus: number;
  /** The message_id given to each part, in part order. */
  messageIds: string[];
  registeredDelivery: number;
}

export type ReceiptStat = 'DELIVRD' | 'UNDELIV' | 'EXPIRED' | 'REJECTD';

export interface SmppServerOptions {
  systemId?: string;
  password?: string;
  /** A fixed port (to restart an SMSC where it was); default any free one. */
  port?: number;
}

export interface SmppServer {
  /** `smpp://system_id:password@127.0.0.1:port`: what SMPP_URL takes. */
  url: string;
  host: string;
  port: number;
  systemId: string;
  password: string;
  /** Complete messages, in the order their last part arrived. */
  submits: SmppSubmit[];
  /** submit_sm PDUs received in all. */
  readonly pdus: number;
  /** Successful binds in all (a reconnect binds again). */
  readonly binds: number;
  /** unbind requests received. */
  readonly unbinds: number;
  /** deliver_sm_resp received for the receipts sent. */
  readonly receiptsAcknowledged: number;
  /**
   * The `stat:` of the receipts sent from now on; null: send none. Default DELIVRD, with the
   * receipted_message_id and message_state TLVs beside the text; `{ tlvs: false }`: the text only
   * (as SMPP 3.3-era SMSCs send).
   */
  setReceipts(stat: ReceiptStat | null, options?: { tlvs?: boolean }): void;
  /** Answer every submit_sm from now on with this command_status (0: accept again). */
  rejectSubmits(status: number): void;
  /** Stop answering enquire_link (a link that hangs without closing); false answers again. */
  ignoreEnquireLinks(ignore: boolean): void;
  /** Cuts every open connection (an SMSC restart or a network failure). */
  dropConnections(): void;
  close(): Promise<void>;
}

const MESSAGE_STATE: Record<ReceiptStat, number> = { DELIVRD: 2, EXPIRED: 3, UNDELIV: 5, REJECTD: 8 };

/**
 * A local SMSC over real SMPP 3.4 (node-smpp's server), for tests of SMS_GATEWAY=smpp. It accepts
 * bind_transceiver with the given credentials, answers enquire_link and unbind, records every
 * submit_sm (concatenated parts — UDH 8- or 16-bit reference, or sar_* TLVs — reassembled),
 * answers each with a unique message_id and then sends a delivery receipt for it (deliver_sm,
 * esm_class 0x04, the `id:… stat:…` text plus receipted_message_id and message_state TLVs).
 */
export async function startSmppServer(options: SmppServerOptions = {}): Promise<SmppServer> {
  const systemId = options.systemId ?? 'otklik';
  const password = options.password ?? 'secret';
  const submits: SmppSubmit[] = [];
  const partial = new Map<string, { total: number; parts: Map<number, { text: string; id: string; pdu: PDU }> }>();
  let pdus = 0;
  let binds = 0;
  let unbinds = 0;
  let acknowledged = 0;
  let counter = 0;
  let receiptStat: ReceiptStat | null = 'DELIVRD';
  let receiptTlvs = true;
  let submitStatus = 0;
  let silent = false;

  const record = (pdu: PDU, messageId: string) => {
    const { text, concat } = decode(pdu);
    const base = { destination: String(pdu.destination_addr), source: String(pdu.source_addr), dataCoding: Number(pdu.data_coding), registeredDelivery: Number(pdu.registered_delivery) };
    if (!concat || concat.total <= 1) {
      submits.push({ ...base, text, pdus: 1, messageIds: [messageId] });
      return;
    }
    const key = `${base.source}|${base.destination}|${concat.ref}`;
    const entry = partial.get(key) ?? { total: concat.total, parts: new Map() };
    partial.set(key, entry);
    entry.parts.set(concat.seq, { text, id: messageId, pdu });
    if (entry.parts.size < entry.total) return;
    partial.delete(key);
    const ordered = [...entry.parts.entries()].sort(([a], [b]) => a - b).map(([, p]) => p);
    submits.push({ ...base, text: ordered.map((p) => p.text).join(''), pdus: entry.total, messageIds: ordered.map((p) => p.id) });
  };

  const sendReceipt = (session: Session, pdu: PDU, messageId: string) => {
    const stat = receiptStat;
    if (!stat) return;
    const now = smppDate(new Date());
    session.deliver_sm(
      {
        source_addr_ton: pdu.dest_addr_ton,
        source_addr_npi: pdu.dest_addr_npi,
        source_addr: pdu.destination_addr,
        dest_addr_ton: pdu.source_addr_ton,
        dest_addr_npi: pdu.source_addr_npi,
        destination_addr: pdu.source_addr,
        esm_class: 0x04,
        short_message: `id:${messageId} sub:001 dlvrd:${stat === 'DELIVRD' ? '001' : '000'} submit date:${now} done date:${now} stat:${stat} err:${stat === 'DELIVRD' ? '000' : '034'} text:`,
        ...(receiptTlvs ? { receipted_message_id: messageId, message_state: MESSAGE_STATE[stat] } : {}),
      },
      () => acknowledged++,
    );
  };

  const server = createServer((session) => {
    let bound = false;
    // A client that goes away mid-write is normal here (drops, reconnect tests).
    session.on('error', () => undefined);
    session.on('bind_transceiver', (pdu: PDU) => {
      if (pdu.system_id !== systemId || pdu.password !== password) {
        session.send(pdu.response({ command_status: errors.ESME_RBINDFAIL }));
        session.close();
        return;
      }
      bound = true;
      binds++;
      session.send(pdu.response({ system_id: 'otklik-test-smsc' }));
    });
    session.on('enquire_link', (pdu: PDU) => {
      if (!silent) session.send(pdu.response());
    });
    session.on('unbind', (pdu: PDU) => {
      unbinds++;
      session.send(pdu.response());
      session.close();
    });
    session.on('submit_sm', (pdu: PDU) => {
      if (!bound) return void session.send(pdu.response({ command_status: errors.ESME_RINVBNDSTS }));
      pdus++;
      if (submitStatus) return void session.send(pdu.response({ command_status: submitStatus }));
      const messageId = (++counter).toString(16).toUpperCase().padStart(8, '0');
      record(pdu, messageId);
      session.send(pdu.response({ message_id: messageId }), () => sendReceipt(session, pdu, messageId));
    });
  });
  await new Promise<void>((resolve) => server.listen(options.port ?? 0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `smpp://${encodeURIComponent(systemId)}:${encodeURIComponent(password)}@127.0.0.1:${port}`,
    host: '127.0.0.1',
    port,
    systemId,
    password,
    submits,
    get pdus() {
      return pdus;
    },
    get binds() {
      return binds;
    },
    get unbinds() {
      return unbinds;
    },
    get receiptsAcknowledged() {
      return acknowledged;
    },
    setReceipts(stat, { tlvs = true } = {}) {
      receiptStat = stat;
      receiptTlvs = tlvs;
    },
    rejectSubmits(status) {
      submitStatus = status;
    },
    ignoreEnquireLinks(ignore) {
      silent = ignore;
    },
    dropConnections() {
      for (const session of [...server.sessions]) session.destroy();
    },
    close() {
      for (const session of [...server.sessions]) session.destroy();
      return new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/** The text of a submit_sm (short_message or message_payload, decoded by its data_coding) and its concatenation info. */
function decode(pdu: PDU): { text: string; concat: { ref: number; total: number; seq: number } | null } {
  const field = (pdu.message_payload ?? pdu.short_message) as { udh?: Buffer[]; message?: string | Buffer } | undefined;
  const message = field?.message ?? '';
  const text = typeof message === 'string' ? message : message.toString('latin1');
  for (const ie of field?.udh ?? []) {
    if (ie[0] === 0x00 && ie[1] === 3) return { text, concat: { ref: ie[2], total: ie[3], seq: ie[4] } };
    if (ie[0] === 0x08 && ie[1] === 4) return { text, concat: { ref: ie.readUInt16BE(2), total: ie[4], seq: ie[5] } };
  }
  if (typeof pdu.sar_msg_ref_num === 'number') {
    return { text, concat: { ref: pdu.sar_msg_ref_num, total: Number(pdu.sar_total_segments), seq: Number(pdu.sar_segment_seqnum) } };
  }
  return { text, concat: null };
}

/** YYMMDDhhmm, the receipt text's date format. */
function smppDate(d: Date): string {
  const two = (n: number) => String(n).padStart(2, '0');
  return `${two(d.getUTCFullYear() % 100)}${two(d.getUTCMonth() + 1)}${two(d.getUTCDate())}${two(d.getUTCHours())}${two(d.getUTCMinutes())}`;
}
