import type { MaturityLevel } from '@lookbook/kernel';
import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { In, Repository } from 'typeorm';
import type { Role } from '@lookbook/core';
import { violatedConstraint } from '@lookbook/core';
import { UserEntity } from './user.entity';
import { IdentityErrors } from '../identity.errors';

@Injectable()
export class UserRepository {
  constructor(@InjectRepository(UserEntity) private readonly users: Repository<UserEntity>) {}

  /** Inserts; a duplicate handle or email (case-insensitive, enforced by citext unique keys) becomes a typed error. */
  async insert(user: UserEntity): Promise<void> {
    try {
      await this.users.insert(user);
    } catch (error) {
      const constraint = violatedConstraint(error);
      if (constraint === 'user_handle_key') throw IdentityErrors.handleTaken();
      if (constraint === 'user_email_key') throw IdentityErrors.emailTaken();
      throw error;
    }
  }

  findById(id: string): Promise<UserEntity | null> {
    return this.users.findOneBy({ id });
  }

  findByIds(ids: readonly string[]): Promise<UserEntity[]> {
    return this.users.findBy({ id: In([...ids]) });
  }

  findByHandle(handle: string): Promise<UserEntity | null> {
    return this.users.findOneBy({ handle });
  }

  /** Sign-in accepts either the email or the handle. */
  findByLogin(login: string): Promise<UserEntity | null> {
    return this.users.createQueryBuilder('u').where('u.email = :login OR u.handle = :login', { login }).getOne();
  }

  async updatePassword(id: string, passwordHash: string, at: Date): Promise<void> {
    await this.users.update({ id }, { passwordHash, passwordChangedAt: at, updatedAt: at });
  }

  async setMaxMaturity(id: string, maxMaturity: MaturityLevel, at: Date): Promise<void> {
    await this.users.update({ id }, { maxMaturity, updatedAt: at });
  }

  async setRoles(id: string, roles: Role[], at: Date): Promise<boolean> {
    const result = await this.users.update({ id }, { roles, updatedAt: at });
    return (result.affected ?? 0) > 0;
  }

  async setDisplayName(id: string, displayName: string, at: Date): Promise<boolean> {
    const result = await this.users.update({ id }, { displayName, updatedAt: at });
    return (result.affected ?? 0) > 0;
  }
}
