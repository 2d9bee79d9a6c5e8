package io.github.zegoaiagent.readme;

// README-BEGIN
import io.github.zegoaiagent.spring.ZegoTokenService;
import java.util.Map;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The first route of a voice-agent backend: the token the user's client SDK logs into the room with. */
@RestController
public class TokenController {

  private final ZegoTokenService tokens;

  public TokenController(ZegoTokenService tokens) {
    this.tokens = tokens;
  }

  @GetMapping("/api/token")
  public Map<String, Object> token(@RequestParam("userId") String userId) { // authenticate the caller first in real code
    return Map.of("appId", tokens.appId(), "userId", userId, "token", tokens.issue(userId));
  }
}
// README-END
