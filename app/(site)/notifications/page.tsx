import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { countUnreadNotifications, listNotifications } from "@/lib/data/notifications";
import { getCurrentUser } from "@/lib/session";
import { NotificationList } from "./_components/notification-list";

export const metadata: Metadata = { title: "Notifications", robots: { index: false } };

// Personal and always current: rendered for each request, never cached.
export const dynamic = "force-dynamic";

export default async function NotificationsPage() {
  const user = await getCurrentUser();
  if (!user) redirect("/sign-in?callbackUrl=%2Fnotifications");
  const [firstPage, unreadCount] = await Promise.all([
    listNotifications(user),
    countUnreadNotifications(user),
  ]);
  return (
    <div className="mx-auto flex max-w-2xl flex-col gap-6">
      <h1 className="text-3xl font-bold tracking-tight">Notifications</h1>
      <NotificationList initialPage={firstPage} initialUnreadCount={unreadCount} />
    </div>
  );
}
