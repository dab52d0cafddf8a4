import { ViewColumn, ViewEntity } from 'typeorm';

/**
 * Identity's published read model: the public fields of every user, as a database view. Other domains may join it
 * in their read queries (a page of models with their creators in one statement) but never the `user` table itself;
 * its shape is a contract, changed only by an identity migration.
 */
@ViewEntity({ schema: 'identity', name: 'public_profile', synchronize: false })
export class PublicProfileView {
  @ViewColumn() id!: string;
  @ViewColumn() handle!: string;
  @ViewColumn({ name: 'display_name' }) displayName!: string;
}
