import type { Filter, Sort } from "mongodb";
import { pagesByGroup, type GroupExpression } from "./grouped-pagination";
import type { Access } from "./access";
import { NotFoundError } from "./errors";
import { READ_ALL } from "./loaders";
import type { Page, PageArgs, SortKeys } from "./pagination";
import type { RecordPolicy, SharedRecord } from "./policy";
import { Repository, toEntity, type Entity, type StoredDocument } from "./repository";

/**
 * A repository of records under a policy: every read takes the caller's access and goes through the
 * policy's filter inside the query; a record the caller may not read is, for them, not there.
 */
export abstract class SecuredRepository<TDoc extends StoredDocument & SharedRecord> extends Repository<TDoc> {
  abstract readonly policy: RecordPolicy<any>;

  /** `filter`, narrowed to what `access` may read. */
  protected readable(access: Access, filter: Filter<TDoc>): Filter<TDoc> {
    return this.policy.where(access, filter);
  }

  /** The records among `ids` that `access` may read (entity lookups, loaders), in one reply. */
  findReadableByIds(access: Access, ids: readonly string[]): Promise<Array<Entity<TDoc>>> {
    return this.findReadable(access, { _id: { $in: [...ids] } } as Filter<TDoc>);
  }

  /** The record if `access` may read it; null when it is missing or hidden. */
  async findReadableById(access: Access, id: string): Promise<Entity<TDoc> | null> {
    const [record] = await this.findReadableByIds(access, [id]);
    return record ?? null;
  }

  /** The record if `access` may read it; NOT_FOUND when it is missing or hidden. */
  async requireReadable(access: Access, id: string): Promise<Entity<TDoc>> {
    const [record] = await this.findReadableByIds(access, [id]);
    if (!record) throw new NotFoundError(this.policy.typeName, id);
    return record;
  }

  /** The record if `access` may change it: NOT_FOUND when missing or hidden, FORBIDDEN without a role on its owner. */
  async requireChangeable(access: Access, id: string): Promise<Entity<TDoc>> {
    const record = await this.findById(id);
    if (!record) throw new NotFoundError(this.policy.typeName, id);
    this.policy.assertMayChange(access, record as never);
    return record;
  }

  /** The records matching `filter` that `access` may read, in `sort` order. */
  protected async findReadable(access: Access, filter: Filter<TDoc>, sort: Sort = { _id: 1 }): Promise<Array<Entity<TDoc>>> {
    const docs = await this.collection.find(this.readable(access, filter), READ_ALL).sort(sort).toArray();
    return docs.map((doc) => toEntity(doc as TDoc));
  }

  /** One page of the records matching `filter` that `access` may read. */
  protected pageReadable(access: Access, filter: Filter<TDoc>, sortKeys: SortKeys, args: PageArgs): Promise<Page<Entity<TDoc>>> {
    return this.page(this.readable(access, filter), sortKeys, args);
  }

  /** One page per parent of the readable records whose `group` is (or lists) that parent's id. */
  protected pagesByGroupReadable(access: Access, group: string | GroupExpression, groupIds: readonly string[], filter: Filter<TDoc>, sortKeys: SortKeys, args: PageArgs) {
    return pagesByGroup(this.collection, group, groupIds, this.readable(access, filter), sortKeys, args);
  }

  /**
   * Keeps the children of a parent in step with it: copies the fields the parent's policy reads (see
   * `RecordPolicy.inheritedFrom`) onto every record whose `parentField` is `parentId`.
   */
  async inherit(parentField: string, parentId: string, inherited: SharedRecord & Record<string, unknown>): Promise<void> {
    await this.collection.updateMany({ [parentField]: parentId } as Filter<TDoc>, { $set: inherited as Partial<TDoc> });
  }
}
