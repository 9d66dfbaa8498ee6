import type { MetadataRoute } from "next";

/** Crawlers may read the public pages; the desk, the admin area, the API and the account links are not for them. */
export default function robots(): MetadataRoute.Robots {
  return {
    rules: {
      userAgent: "*",
      allow: "/",
      disallow: ["/desk", "/admin", "/api/", "/signin", "/setup", "/invite", "/reset-password"],
    },
  };
}
