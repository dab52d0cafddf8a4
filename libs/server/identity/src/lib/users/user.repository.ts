import type { MaturityLevel } from '@lookbook/kernel';
import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { EntityManager } from 'typeorm';
import { In, Repository } from 'typeorm';
import type { Role } from '@lookbook/core';
import { violatedConstraint } from '@lookbook/core';
import { TermsAcceptanceEntity } from './terms-acceptance.entity';
import { UserEntity } from './user.entity';
import { IdentityErrors } from '../identity.errors';

@Injectable()
export class UserRepository {
  constructor(@InjectRepository(UserEntity) private readonly users: Repository<UserEntity>) {}

  /** Inserts; a duplicate handle or email (case-insensitive, enforced by citext unique keys) becomes a typed error. */
  async insert(user: UserEntity, manager?: EntityManager): Promise<void> {
    try {
      await (manager?.getRepository(UserEntity) ?? this.users).insert(user);
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

  /** Records that a user accepted a version of the terms (again: keeps the first acceptance). */
  async recordTermsAcceptance(manager: EntityManager, acceptance: TermsAcceptanceEntity): Promise<void> {
    await manager
      .getRepository(TermsAcceptanceEntity)
      .createQueryBuilder()
      .insert()
      .values(acceptance)
      .orIgnore()
      .execute();
  }

  async findTermsAcceptances(userId: string, manager?: EntityManager): Promise<TermsAcceptanceEntity[]> {
    const repository = (manager ?? this.users.manager).getRepository(TermsAcceptanceEntity);
    return repository.find({ where: { userId }, order: { acceptedAt: 'ASC' } });
  }

  /** The user row, locked for a change of address or password in the caller's transaction. */
  findByIdForUpdate(manager: EntityManager, id: string): Promise<UserEntity | null> {
    return manager
      .getRepository(UserEntity)
      .createQueryBuilder('u')
      .setLock('pessimistic_write')
      .where('u.id = :id', { id })
      .getOne();
  }

  async markEmailVerified(manager: EntityManager, id: string, email: string, at: Date): Promise<boolean> {
    const result = await manager.update(UserEntity, { id, email }, { emailVerifiedAt: at, updatedAt: at });
    return (result.affected ?? 0) > 0;
  }

  /** A new, proven address; a taken one becomes EMAIL_TAKEN and changes nothing. */
  async changeEmail(manager: EntityManager, id: string, email: string, at: Date): Promise<void> {
    try {
      await manager.update(UserEntity, { id }, { email, emailVerifiedAt: at, updatedAt: at });
    } catch (error) {
      if (violatedConstraint(error) === 'user_email_key') throw IdentityErrors.emailTaken();
      throw error;
    }
  }

  async updatePasswordIn(manager: EntityManager, id: string, passwordHash: string, at: Date): Promise<void> {
    await manager.update(UserEntity, { id }, { passwordHash, passwordChangedAt: at, updatedAt: at });
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
