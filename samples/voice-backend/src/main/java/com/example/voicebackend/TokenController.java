package com.example.voicebackend;

import io.github.zegoaiagent.spring.ZegoTokenService;
import java.util.Map;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The first route of a voice-agent backend: the token the user's client SDK logs into the room with. */
@RestController
public class TokenController {

  private final ObjectProvider<ZegoTokenService> tokens; // none until zego.aiagent.app-id is set

  public TokenController(ObjectProvider<ZegoTokenService> tokens) {
    this.tokens = tokens;
  }

  @GetMapping("/api/token")
  public ResponseEntity<Map<String, Object>> token(@RequestParam("userId") String userId) { // authenticate the caller first
    ZegoTokenService service = tokens.getIfAvailable();
    if (service == null) {
      return ResponseEntity.status(503).body(Map.of("error", "set zego.aiagent.app-id and zego.aiagent.server-secret"));
    }
    return ResponseEntity.ok(Map.of("appId", service.appId(), "userId", userId, "token", service.issue(userId)));
  }
}
