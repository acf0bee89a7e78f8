package dev.gradsheet.web.security;

import java.util.Collection;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.core.oidc.OidcIdToken;
import org.springframework.security.oauth2.core.oidc.OidcUserInfo;
import org.springframework.security.oauth2.core.oidc.user.DefaultOidcUser;

/** A person signed in through the school's OpenID Connect provider, with their GradSheet user id. */
public final class GradSheetOidcUser extends DefaultOidcUser {
    private final String userId;

    GradSheetOidcUser(String userId, Collection<? extends GrantedAuthority> authorities, OidcIdToken idToken,
                      OidcUserInfo userInfo) {
        super(authorities, idToken, userInfo);
        this.userId = userId;
    }

    /** The user's id in {@code app_user}. */
    public String userId() {
        return userId;
    }
}
