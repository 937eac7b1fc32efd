import { Module } from '@nestjs/common';
import { DepartmentTree } from './department-tree.repository';
import { StaffDirectory } from './staff-directory.repository';
import { UserAccounts } from './user-accounts.repository';

/**
 * What the users module lets other modules see of its tables (`users`, `departments`): accounts
 * for auth, the department tree, the staff directory. A module of its own so that auth (which
 * UsersModule itself depends on) can import it without a cycle.
 */
@Module({ providers: [UserAccounts, DepartmentTree, StaffDirectory], exports: [UserAccounts, DepartmentTree, StaffDirectory] })
export class UserDirectoryModule {}
