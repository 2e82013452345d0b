import { Skeleton } from "@/components/ui/skeleton";

export default function SearchLoading() {
  return (
    <div className="mx-auto flex max-w-3xl flex-col gap-8" aria-busy="true">
      <header className="flex flex-col gap-5">
        <h1 className="text-3xl font-bold tracking-tight">Search</h1>
        <p className="sr-only" role="status">
          Searching…
        </p>
        <div className="grid gap-3">
          <Skeleton className="h-4 w-64" />
          <Skeleton className="h-11 w-full" />
          <Skeleton className="h-9 w-56" />
        </div>
      </header>
      <Skeleton className="h-4 w-40" />
      <div className="flex gap-3">
        {Array.from({ length: 4 }, (_, index) => (
          <Skeleton key={index} className="h-8 w-24" />
        ))}
      </div>
      <ul className="flex flex-col gap-3">
        {Array.from({ length: 4 }, (_, index) => (
          <li key={index} className="border-border grid gap-2 rounded-lg border p-5">
            <Skeleton className="h-4 w-48" />
            <Skeleton className="h-6 w-3/4" />
            <Skeleton className="h-4 w-full" />
            <Skeleton className="h-4 w-5/6" />
          </li>
        ))}
      </ul>
    </div>
  );
}
