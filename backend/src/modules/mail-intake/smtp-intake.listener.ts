import { AddressInfo } from 'node:net';
import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { SMTPServer, SMTPServerDataStream } from 'smtp-server';
import { AppConfig } from '../../config/app-config';
import { APP_CONFIG } from '../../config/config.module';
import { MailIntakeService } from './mail-intake.service';

/**
 * The e-mail intake's SMTP listener (INTAKE_SMTP_PORT; off when unset). It answers «250» only after
 * the mail and its event are committed (MailIntakeService.accept); on a failure it answers a
 * temporary «451», so the sending server keeps the mail and tries again. No AUTH and no STARTTLS:
 * it listens on 127.0.0.1 by default, behind the body's mail relay, which does the checks of the
 * sender (SPF, DKIM, DMARC) before handing mail on.
 */
@Injectable()
export class SmtpIntakeListener implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(SmtpIntakeListener.name);
  private server: SMTPServer | null = null;

  constructor(
    private readonly intake: MailIntakeService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const { smtpPort, smtpHost, maxMailBytes } = this.config.intake;
    if (smtpPort === undefined) return;
    const server = new SMTPServer({
      authOptional: true,
      disabledCommands: ['AUTH', 'STARTTLS'],
      size: maxMailBytes,
      logger: false,
      banner: 'Otklik mail intake',
      onData: (stream, _session, callback) => {
        this.receive(stream, maxMailBytes).then(
          () => callback(),
          (error: Error & { responseCode?: number }) => callback(error),
        );
      },
    });
    server.on('error', (error) => this.logger.error({ err: error }, 'intake SMTP listener error'));
    await new Promise<void>((resolve, reject) => {
      server.server.once('error', reject);
      server.listen(smtpPort, smtpHost, () => resolve());
    });
    this.server = server;
    const port = (server.server.address() as AddressInfo).port;
    this.logger.log(`mail intake listening on smtp://${smtpHost}:${port}`);
  }

  async onApplicationShutdown(): Promise<void> {
    const server = this.server;
    this.server = null;
    if (server) await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  private async receive(stream: SMTPServerDataStream, maxBytes: number): Promise<void> {
    const chunks: Buffer[] = [];
    let size = 0;
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      size += chunk.length;
      if (size <= maxBytes) chunks.push(chunk);
    }
    if (stream.sizeExceeded || size > maxBytes) throw Object.assign(new Error('Message exceeds the size limit'), { responseCode: 552 });
    try {
      await this.intake.accept(Buffer.concat(chunks));
    } catch (error) {
      this.logger.error({ err: error }, 'could not store an incoming mail');
      throw Object.assign(new Error('Temporary failure, try again later'), { responseCode: 451 });
    }
  }
}
