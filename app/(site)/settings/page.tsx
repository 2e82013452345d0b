import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { AccountStanding } from "@/components/moderation/standing";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { getAccountSettings } from "@/lib/data/users";
import { getCurrentUser } from "@/lib/session";
import { ProfileForm } from "./_components/profile-form";

export const metadata: Metadata = { title: "Settings", robots: { index: false } };

export default async function SettingsPage() {
  const user = await getCurrentUser();
  if (!user) redirect("/sign-in?callbackUrl=%2Fsettings");
  const settings = await getAccountSettings(user);
  return (
    <div className="mx-auto flex max-w-xl flex-col gap-6">
      <h1 className="text-3xl font-bold tracking-tight">Settings</h1>
      <Card>
        <CardHeader>
          <CardTitle asChild>
            <h2 className="text-lg font-semibold">Profile</h2>
          </CardTitle>
          <CardDescription>
            Signed in as {settings.email}. This is what readers see next to your insights.
          </CardDescription>
        </CardHeader>
        <CardContent>
          <ProfileForm
            defaults={{
              name: settings.name,
              handle: settings.handle,
              headline: settings.headline,
              showOnLeaderboards: settings.showOnLeaderboards,
            }}
          />
        </CardContent>
      </Card>
      <AccountStanding user={user} />
    </div>
  );
}
