import { Skeleton } from "@/components/ui/skeleton";

export default function NotificationsLoading() {
  return (
    <div className="mx-auto flex max-w-2xl flex-col gap-6" aria-busy="true">
      <h1 className="text-3xl font-bold tracking-tight">Notifications</h1>
      <p className="sr-only" role="status">
        Loading your notifications…
      </p>
      <div className="flex items-center justify-between gap-3">
        <Skeleton className="h-5 w-24" />
        <Skeleton className="h-8 w-36" />
      </div>
      <ul className="flex flex-col gap-2">
        {Array.from({ length: 4 }, (_, index) => (
          <li key={index} className="border-border flex items-start gap-3 rounded-lg border p-4">
            <Skeleton className="size-9 rounded-full" />
            <div className="grid flex-1 gap-2">
              <Skeleton className="h-5 w-3/4" />
              <Skeleton className="h-4 w-20" />
            </div>
          </li>
        ))}
      </ul>
    </div>
  );
}
