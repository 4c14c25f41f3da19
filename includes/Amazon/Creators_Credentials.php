<?php
/**
 * Creators API credentials for one marketplace, as the settings layer hands them over.
 *
 * @package Creators_Connect
 */

declare( strict_types = 1 );

namespace Creators_Connect\Amazon;

use Creators_Connect\Marketplace\Marketplace_Registry;

/**
 * Immutable credential set. The secret stays out of the
 * object's properties (Keeps_Secret), __debugInfo masks it, and the constructor marks it
 * #[\SensitiveParameter].
 */
final class Creators_Credentials {

	use Keeps_Secret;

	/**
	 * Country code of the marketplace.
	 *
	 * @var string
	 */
	public readonly string $marketplace;

	/**
	 * Builds the credential set.
	 *
	 * @param string $credential_id     Credential ID.
	 * @param string $credential_secret Credential Secret.
	 * @param string $type              `cognito` (versions 2.x) or `lwa` (versions 3.x).
	 * @param string $version           Version as Associates Central shows it (`2.2`, `3.1`).
	 * @param string $partner_tag       Partner tag (tracking ID) for the marketplace.
	 * @param string $marketplace       Country code (`de`; `gb` is accepted as `uk`).
	 */
	public function __construct(
		public readonly string $credential_id,
		#[\SensitiveParameter] string $credential_secret,
		public readonly string $type,
		public readonly string $version,
		public readonly string $partner_tag,
		string $marketplace
	) {
		$this->keep_secret( $credential_secret );
		$this->marketplace = Marketplace_Registry::normalize_country( $marketplace );
	}

	/**
	 * The same credentials with another partner tag (a tracking ID the marketplace lists): Amazon
	 * then returns links that carry it.
	 *
	 * @param string $partner_tag Partner tag.
	 */
	public function with_partner_tag( string $partner_tag ): self {
		return new self( $this->credential_id, $this->secret(), $this->type, $this->version, $partner_tag, $this->marketplace );
	}

	/**
	 * Builds credentials whose type follows from the version (2.x Cognito, 3.x LWA).
	 *
	 * @param string $credential_id     Credential ID.
	 * @param string $credential_secret Credential Secret.
	 * @param string $version           Version.
	 * @param string $partner_tag       Partner tag.
	 * @param string $marketplace       Country code.
	 */
	public static function for_version( string $credential_id, #[\SensitiveParameter] string $credential_secret, string $version, string $partner_tag, string $marketplace ): self {
		return new self( $credential_id, $credential_secret, (string) ( Marketplace_Registry::version_type( $version ) ?? 'cognito' ), $version, $partner_tag, $marketplace );
	}


	/**
	 * Whether every value is present.
	 */
	public function is_complete(): bool {
		return '' !== trim( $this->credential_id ) && '' !== $this->secret() && '' !== trim( $this->partner_tag ) && '' !== $this->version;
	}

	/**
	 * Whether the type agrees with the version (2.x Cognito, 3.x LWA).
	 */
	public function type_matches_version(): bool {
		return Marketplace_Registry::version_type( $this->version ) === $this->type;
	}

	/**
	 * A stable, non-reversible id for rate limits and circuit breakers: hash of id + version (never the
	 * secret). Amazon counts calls per account, whatever secret a site holds for it.
	 */
	public function cache_id(): string {
		return substr( hash( 'sha256', 'creators|' . $this->credential_id . '|' . $this->version ), 0, 32 );
	}

	/**
	 * The key of this credential set's access token: id, version, token endpoint and a hash of the
	 * secret, so a changed or wrong secret never rides on a token that another secret earned, and
	 * forgetting a failed set's token leaves a working set's token alone.
	 */
	public function token_cache_id(): string {
		$endpoint = (string) Marketplace_Registry::token_endpoint( $this->version );
		return substr( hash( 'sha256', 'token|' . $this->credential_id . '|' . $this->version . '|' . $endpoint . '|' . hash( 'sha256', $this->secret() ) ), 0, 32 );
	}

	/**
	 * Non-secret context for errors.
	 *
	 * @return array<string, string>
	 */
	public function context(): array {
		return array(
			'type'        => $this->type,
			'version'     => $this->version,
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
			'credential_id'     => $this->credential_id,
			'credential_secret' => '' === $this->secret() ? '' : '********',
		) + $this->context();
	}
}
