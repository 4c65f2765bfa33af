import Link from "next/link";
import { MAX_PAGE, searchHref, withPage, type SearchState } from "@/lib/domain/search/search-state";
import { buttonClass } from "../ui/button";

/** Previous / next pages; the page count is shown when the total is exact. */
export function Pagination({ state, pages, hasMore, exact }: { state: SearchState; pages: number; hasMore: boolean; exact: boolean }) {
  const page = state.page;
  const next = hasMore && page < MAX_PAGE;
  if (page <= 1 && !next) return null;
  return (
    <nav aria-label="Pages" className="flex items-center justify-center gap-3 text-sm">
      {page > 1 ? (
        <Link className={buttonClass("secondary")} href={searchHref(withPage(state, page - 1))} rel="prev">
          Previous<span className="sr-only"> page</span>
        </Link>
      ) : null}
      <span aria-current="page">
        Page {page}
        {exact && pages > 0 ? ` of ${pages}` : ""}
      </span>
      {next ? (
        <Link className={buttonClass("secondary")} href={searchHref(withPage(state, page + 1))} rel="next">
          Next<span className="sr-only"> page</span>
        </Link>
      ) : null}
    </nav>
  );
}
