import { DynamicModule, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AppealsModule } from '../appeals/appeals.module';
import { AttachmentsModule } from '../attachments/attachments.module';
import { UserDirectoryModule } from '../users/user-directory.module';
import { InboundMail } from './inbound-mail.entity';
import { MailIntakeService } from './mail-intake.service';
import { SmtpIntakeListener } from './smtp-intake.listener';

/**
 * E-mail intake (issue 18): the SMTP listener (API process, when INTAKE_SMTP_PORT is set) and the
 * consumer of `mail.received` that files mail as appeals or thread messages (wherever events are
 * processed). Owns the inbound_mails table.
 */
@Module({})
export class MailIntakeModule {
  static forRoot(options: { listen: boolean }): DynamicModule {
    return {
      module: MailIntakeModule,
      imports: [TypeOrmModule.forFeature([InboundMail]), AppealsModule, AttachmentsModule, UserDirectoryModule],
      providers: [MailIntakeService, ...(options.listen ? [SmtpIntakeListener] : [])],
    };
  }
}
