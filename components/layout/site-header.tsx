import Link from "next/link";
import { ModerationLink } from "@/components/moderation/moderation-link";
import { AccountMenu } from "./account-menu";
import { NotificationBell } from "./notification-bell";
import { SearchBox } from "./search-box";

export function SiteHeader() {
  return (
    <header className="border-border bg-background/95 supports-[backdrop-filter]:bg-background/80 sticky top-0 z-40 border-b backdrop-blur">
      <div className="mx-auto flex h-14 max-w-6xl items-center gap-4 px-4">
        <Link href="/" className="flex items-center gap-2 rounded-md font-semibold tracking-tight">
          <span
            aria-hidden="true"
            className="bg-accent text-accent-foreground grid size-7 place-items-center rounded-full text-sm"
          >
            R
          </span>
          <span>Roundtable</span>
        </Link>
        <nav aria-label="Main" className="text-muted-foreground hidden items-center gap-4 text-sm sm:flex">
          <Link href="/#domains" className="hover:text-foreground rounded-sm">
            Domains
          </Link>
          <Link href="/contribute" className="hover:text-foreground rounded-sm">
            How to contribute
          </Link>
        </nav>
        <div className="ml-auto flex items-center gap-2">
          <SearchBox />
          <ModerationLink />
          <NotificationBell />
          <AccountMenu />
        </div>
      </div>
    </header>
  );
}
