import { Command, CommandRunner, Option } from 'nest-commander';
import { Role, ROLES } from '@otklik/shared/domain';
import { systemActor } from '../common/http/actor';
import { DomainError } from '../common/problem/domain-error';
import { PasswordPolicy } from '../modules/auth/password/password-policy';
import { UsersService } from '../modules/users/users.service';

interface Options {
  role: Role;
  email: string;
  password: string;
  name?: string;
  department?: string;
  position?: string;
}

@Command({ name: 'user:create', description: 'Create an account: --role citizen|operator|supervisor|admin --email --password [--department id|code]' })
export class UserCreateCommand extends CommandRunner {
  constructor(
    private readonly users: UsersService,
    private readonly policy: PasswordPolicy,
  ) {
    super();
  }

  async run(_: string[], options: Options): Promise<void> {
    for (const required of ['role', 'email', 'password'] as const) {
      if (!options[required]) throw new Error(`--${required} is required`);
    }
    if (!ROLES.includes(options.role)) throw new Error(`--role must be one of ${ROLES.join(', ')}`);
    // The same policy as registration and password changes: no weak initial passwords.
    const weak = this.policy.check(options.password, [options.email, options.name ?? '']);
    if (weak.length > 0) throw new Error(`--password is too weak: ${weak.map((e) => e.message).join('; ')}`);
    try {
      const user = await this.users.create(
        {
          email: options.email,
          password: options.password,
          role: options.role,
          fullName: options.name ?? options.email,
          position: options.position ?? null,
          department: options.department ?? null,
        },
        systemActor('cli'),
      );
      process.stdout.write(`created ${user.role} ${user.email} (${user.id})\n`);
    } catch (error) {
      if (error instanceof DomainError) throw new Error(error.errors.map((e) => `${e.field}: ${e.message}`).join('; ') || error.code, { cause: error });
      throw error;
    }
  }

  @Option({ flags: '--role <role>', description: 'citizen, operator, supervisor or admin' })
  parseRole(value: string): string {
    return value;
  }

  @Option({ flags: '--email <email>' })
  parseEmail(value: string): string {
    return value;
  }

  @Option({ flags: '--password <password>' })
  parsePassword(value: string): string {
    return value;
  }

  @Option({ flags: '--name <fullName>', description: 'ФИО' })
  parseName(value: string): string {
    return value;
  }

  @Option({ flags: '--department <idOrCode>', description: 'Department id or code (required for operators and supervisors)' })
  parseDepartment(value: string): string {
    return value;
  }

  @Option({ flags: '--position <position>' })
  parsePosition(value: string): string {
    return value;
  }
}
