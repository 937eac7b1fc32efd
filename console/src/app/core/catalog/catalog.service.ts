import { Injectable, inject, signal } from '@angular/core';
import type { Schemas } from '@otklik/shared/api/client';
import { API } from '../api/api-client';

export type Category = Schemas['CategoryDto'];

/** The category tree (public, rarely changing): loaded once, used to name categories and extra fields. */
@Injectable({ providedIn: 'root' })
export class CatalogService {
  private readonly api = inject(API);
  private readonly byId = signal<ReadonlyMap<string, Category>>(new Map());
  private readonly tree = signal<readonly Category[]>([]);
  private loading: Promise<void> | null = null;

  /** Starts loading the categories if they are not there yet. */
  load(): Promise<void> {
    this.loading ??= (async () => {
      const { data } = await this.api.GET('/api/v1/catalog/categories');
      if (!data) {
        this.loading = null;
        return;
      }
      const map = new Map<string, Category>();
      const walk = (items: Category[]) => {
        for (const item of items) {
          map.set(item.id, item);
          walk(item.children);
        }
      };
      walk(data);
      this.byId.set(map);
      this.tree.set(data);
    })();
    return this.loading;
  }

  /** The top-level categories, each with its subcategories (a signal read: empty until loaded). */
  roots(): readonly Category[] {
    return this.tree();
  }

  /** Reads a signal: views showing category names update once the tree arrives. */
  category(id: string | null | undefined): Category | undefined {
    return id ? this.byId().get(id) : undefined;
  }
}
