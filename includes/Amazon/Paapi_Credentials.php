<?php
/**
 * PA-API 5.0 credentials, as the settings layer hands them over.
 *
 * @package Creators_Connect
 */

declare( strict_types = 1 );

namespace Creators_Connect\Amazon;

use Creators_Connect\Marketplace\Marketplace_Registry;

/**
 * Immutable PA-API access key pair plus the partner tag of the marketplace asked. The secret stays out of the
 * object's properties (Keeps_Secret), __debugInfo masks it, and the constructor marks it
 * #[\SensitiveParameter].
 */
final class Paapi_Credentials {

	use Keeps_Secret;

	/**
	 * Country code of the marketplace asked.
	 *
	 * @var string
	 */
	public readonly string $marketplace;

	/**
	 * Builds the credentials.
	 *
	 * @param string $access_key  Access key.
	 * @param string $secret_key  Secret key.
	 * @param string $partner_tag Partner tag for the marketplace.
	 * @param string $marketplace Country code (default `us`; PA-API keys work in every marketplace, tags do not).
	 */
	public function __construct(
		public readonly string $access_key,
		#[\SensitiveParameter] string $secret_key,
		public readonly string $partner_tag,
		string $marketplace = 'us'
	) {
		$this->keep_secret( $secret_key );
		$this->marketplace = Marketplace_Registry::normalize_country( $marketplace );
	}

	/**
	 * A copy for another marketplace (and its partner tag).
	 *
	 * @param string      $marketplace Country code.
	 * @param string|null $partner_tag Partner tag (null keeps the current one).
	 */
	public function with_marketplace( string $marketplace, ?string $partner_tag = null ): self {
		return new self( $this->access_key, $this->secret(), $partner_tag ?? $this->partner_tag, $marketplace );
	}


	/**
	 * Whether every value is present.
	 */
	public function is_complete(): bool {
		return '' !== trim( $this->access_key ) && '' !== $this->secret() && '' !== trim( $this->partner_tag );
	}

	/**
	 * A stable, non-reversible id for rate limits (never the secret).
	 */
	public function cache_id(): string {
		return substr( hash( 'sha256', 'paapi|' . $this->access_key ), 0, 32 );
	}

	/**
	 * Non-secret context for errors.
	 *
	 * @return array<string, string>
	 */
	public function context(): array {
		return array(
			'marketplace' => $this->marketplace,
			'partner_tag' => $this->partner_tag,
		);
	}


	/**
	 * Dump without the secret.
	 *
	 * @return array<string, string>
	 */
	public function __debugInfo(): array {
		return array(
			'access_key' => $this->access_key,
			'secret_key' => '' === $this->secret() ? '' : '********',
		) + $this->context();
	}
}
