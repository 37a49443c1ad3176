import { Injectable } from '@nestjs/common';
import {
  canOnCity,
  canOnDocument,
  canOnProgramme,
  CityAction,
  collabAccess,
  CollabAccess,
  DocumentAction,
  DocumentRef,
  documentPermissions,
  Principal,
  ProgrammeAction,
} from '@passerelle/domain';
import { forbidden, notFound } from '../errors/domain.exception';

/**
 * The one access policy of the server, over the table in `@passerelle/domain`. Every controller,
 * gateway handler, search query, export, feed and notification asks it. A document the person
 * cannot read is "not found" (never "forbidden"), so its existence does not leak.
 */
@Injectable()
export class AccessService {
  can(principal: Principal, action: DocumentAction, doc: DocumentRef): boolean {
    return canOnDocument(principal, action, doc);
  }

  permissions(principal: Principal, doc: DocumentRef): DocumentAction[] {
    return documentPermissions(principal, doc);
  }

  collabAccess(principal: Principal, doc: DocumentRef): CollabAccess | null {
    return collabAccess(principal, doc);
  }

  /** Throws not_found when the document is out of reach, forbidden when readable but the action is not allowed. */
  assertDocument(principal: Principal, action: DocumentAction, doc: DocumentRef, what = 'Document'): void {
    if (!canOnDocument(principal, 'read', doc)) throw notFound(what);
    if (action !== 'read' && !canOnDocument(principal, action, doc)) {
      throw forbidden(`You may not ${action.replace('_', ' ')} this ${what.toLowerCase()}`);
    }
  }

  assertCity(principal: Principal, action: CityAction, cityId: string): void {
    if (!canOnCity(principal, 'view_workspace', cityId) && action !== 'view_workspace') {
      throw forbidden(`You may not ${action.replace(/_/g, ' ')} of this city`);
    }
    if (!canOnCity(principal, action, cityId)) throw forbidden(`You may not ${action.replace(/_/g, ' ')} of this city`);
  }

  canOnCity(principal: Principal, action: CityAction, cityId: string): boolean {
    return canOnCity(principal, action, cityId);
  }

  assertProgramme(principal: Principal, action: ProgrammeAction): void {
    if (!canOnProgramme(principal, action)) throw forbidden(`You may not ${action.replace(/_/g, ' ')}`);
  }

  /**
   * The SQL condition for "documents this person can read", for lists, search, feeds and
   * exports. `alias` is the documents table alias; parameters start at `$firstParam`.
   */
  readableDocumentsSql(principal: Principal, alias: string, firstParam: number): { sql: string; params: unknown[] } {
    if (principal.role === 'admin' || principal.role === 'coordinator') return { sql: 'TRUE', params: [] };
    const cityIds = principal.memberships.map((m) => m.cityId);
    return {
      sql: `(${alias}.published OR ${alias}.city_id = ANY($${firstParam}::uuid[]))`,
      params: [cityIds],
    };
  }
}
